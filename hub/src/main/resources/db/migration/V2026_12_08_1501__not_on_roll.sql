-- Attendance and exclusions rows for a pupil not on the sending school's roll are held until the school's record
-- of the pupil puts them on it; the reason says nothing of whether the LA knows the pupil.
alter table held_records drop constraint held_records_reason_check;
alter table held_records add constraint held_records_reason_check
    check (reason in ('UNMATCHED', 'REVIEW', 'ERROR', 'CONFLICT', 'TRANSFER', 'NOT_ON_ROLL'));
-- Each CTF's merge looks up the school's rows held so.
create index held_records_not_on_roll on held_records (la, laestab) where status = 'held' and reason = 'NOT_ON_ROLL';
