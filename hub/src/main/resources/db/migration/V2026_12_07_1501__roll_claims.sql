-- A record claiming a pupil on another school's roll is held as a transfer until the LA confirms the move.
alter table held_records drop constraint held_records_reason_check;
alter table held_records add constraint held_records_reason_check
    check (reason in ('UNMATCHED', 'REVIEW', 'ERROR', 'CONFLICT', 'TRANSFER'));
