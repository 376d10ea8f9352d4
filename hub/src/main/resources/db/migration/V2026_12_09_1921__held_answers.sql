-- The school's answer to the LA's question on a pupil record it reads as unmatched ("Is this child new to the LA,
-- or starting in a first setting?", core's SchoolAnswer): the latest answer per held record, shown to the LA's
-- reviewer with the record. Every answer given is also in the audit log. Goes with its held record.
create table held_answers (
    held_record_id bigint      primary key references held_records (id) on delete cascade,
    la             char(3)     not null,
    laestab        char(7)     not null,
    answer         text        not null check (answer in ('new-to-la', 'previously-at', 'upn-wrong')),
    previously_at  text        check (previously_at is null or length(previously_at) <= 200),
    answered_by    text        not null,
    answered_at    timestamptz not null default now(),
    check ((answer = 'previously-at') = (previously_at is not null))
);
create index held_answers_school on held_answers (la, laestab);
