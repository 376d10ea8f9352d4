-- The LA and trust overviews' figures for any date without a pass over every pupil (docs/hub.md, "Dashboards").

-- Per school and academic year, for each week a date can fall in ("as of" that week), the figures of the week, the
-- term to date and the year to date for each group of pupils with the same CTF cohort flags (looked after, current
-- SEN provision E / K / other, free school meals). figures holds 21 numbers: for the week, the term and the year in
-- turn, possible, absent and unauthorised sessions, pupils with a possible session, pupils with 20 or more, and of
-- those the persistently and the severely absent. Persistent and severe absence are per-pupil thresholds, so they
-- are counted here from each pupil's tallies, once per as-of week, when the school's tallies are rewritten.
create table attendance_cohort_weeks (
    la             char(3)   not null,
    laestab        char(7)   not null,
    academic_year  smallint  not null,
    week           smallint  not null,
    looked_after   boolean   not null,
    sen_provision  char(1)   not null,
    fsm            boolean   not null,
    figures        bigint[]  not null,
    primary key (la, laestab, academic_year, week, looked_after, sen_provision, fsm)
);

-- Which attendance_tally_versions version each school-year's rows were counted at; rows counted at an older version
-- are counted again before they are read.
create table attendance_cohort_built (
    la             char(3)   not null,
    laestab        char(7)   not null,
    academic_year  smallint  not null,
    version        bigint    not null,
    primary key (la, laestab, academic_year)
);

-- A pupil's cohort flags come from the CTF, which changes without the marks: a school whose pupils join, leave or
-- change flags gets a new version, so its cohort figures are counted again and cached overviews are dropped.
create function attendance_cohort_changed() returns trigger language plpgsql as $$
begin
    insert into attendance_tally_versions (la, laestab, version)
    select distinct la, laestab, 1 from (
        (select la, person_id, laestab, looked_after, sen_provision, fsm from changed_new
         except select la, person_id, laestab, looked_after, sen_provision, fsm from changed_old)
        union all
        (select la, person_id, laestab, looked_after, sen_provision, fsm from changed_old
         except select la, person_id, laestab, looked_after, sen_provision, fsm from changed_new)) d
    on conflict (la, laestab) do update set version = attendance_tally_versions.version + 1;
    return null;
end $$;

create function attendance_cohort_inserted() returns trigger language plpgsql as $$
begin
    insert into attendance_tally_versions (la, laestab, version)
    select distinct la, laestab, 1 from changed_new
    on conflict (la, laestab) do update set version = attendance_tally_versions.version + 1;
    return null;
end $$;

create function attendance_cohort_deleted() returns trigger language plpgsql as $$
begin
    insert into attendance_tally_versions (la, laestab, version)
    select distinct la, laestab, 1 from changed_old
    on conflict (la, laestab) do update set version = attendance_tally_versions.version + 1;
    return null;
end $$;

create trigger pupils_cohort_updated after update on pupils
    referencing old table as changed_old new table as changed_new
    for each statement execute function attendance_cohort_changed();
create trigger pupils_cohort_inserted after insert on pupils
    referencing new table as changed_new
    for each statement execute function attendance_cohort_inserted();
create trigger pupils_cohort_deleted after delete on pupils
    referencing old table as changed_old
    for each statement execute function attendance_cohort_deleted();
