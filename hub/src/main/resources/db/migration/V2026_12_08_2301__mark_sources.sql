-- Which batch sent each stored mark, for the read API (GET /api/v1/pupils/{upn}/attendance): mark_sources has one
-- character per session like marks, an index into mark_batches (MarkSources in the hub); ' ' where no mark is
-- stored. Rows written before this column have it null: their marks are the row's batch_id's as far as is known.
alter table attendance_years add column mark_sources text;
alter table attendance_years add column mark_batches uuid[];
