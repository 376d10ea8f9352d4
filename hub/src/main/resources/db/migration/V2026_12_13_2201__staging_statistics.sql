-- No statistics for the whole-record JSON columns: no statement filters or joins on them (only on fields read out
-- of them, which these statistics do not describe), while ANALYZE sorted every sampled record to build them. The
-- pipeline analyses stage_pupils twice a batch (after staging and after matching), so this was a third of each
-- analysis (about 140 ms to 90 ms for two schools' 4,000 staged pupils).
alter table stage_pupils alter column record set statistics 0, alter column match_candidates set statistics 0;
alter table pupils alter column record set statistics 0;
