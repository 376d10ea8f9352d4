-- What the dashboards read instead of the marks themselves (docs/hub.md, "Dashboards").

-- One row per attendance_years row: running totals of possible, absence and unauthorised absence sessions at the
-- end of each week of the academic year (weeks run Monday to Sunday from 1 August, also split at 1 September and
-- 1 January so that terms and the year start on a boundary; WeekBuckets in the hub). Element 1 is 0 and element
-- k + 1 the total up to the end of week k, so any run of weeks is one subtraction. Rewritten whenever the marks
-- of the row change.
create table attendance_tallies (
    la             char(3)     not null,
    person_id      bigint      not null,
    laestab        char(7)     not null,
    academic_year  smallint    not null,
    possible       smallint[]  not null,
    absent         smallint[]  not null,
    unauthorised   smallint[]  not null,
    last_day       date,
    updated_at     timestamptz not null default now(),
    primary key (la, person_id, laestab, academic_year)
);
create index attendance_tallies_last_day on attendance_tallies (la, laestab, last_day);

-- Each school's sessions per week, summed from its tallies: the weekly trend without reading every pupil.
create table attendance_school_weeks (
    la             char(3)   not null,
    laestab        char(7)   not null,
    academic_year  smallint  not null,
    week           smallint  not null,
    possible       integer   not null,
    absent         integer   not null,
    unauthorised   integer   not null,
    primary key (la, laestab, academic_year, week)
);

-- The breakdown cohorts the CTF carries, kept beside the record they come from so that the dashboards need not
-- open every record: looked after (InCare), the current SEN provision (E = EHC plan, K = SEN support: the latest
-- provision period with no end date) and free school meals (an FSM period with no end date).
alter table pupils
    add column looked_after boolean generated always as
        (coalesce((record -> 'lookedAfter' ->> 'inCare')::boolean, false)) stored,
    add column sen_provision text generated always as
        (jsonb_path_query_array(record, '$.senProvisions[*] ? (!exists(@.end.text) || @.end.text == null).provision.raw') ->> -1) stored,
    add column fsm boolean generated always as
        (jsonb_path_exists(record, '$.fsmHistory[*] ? (!exists(@.end.text) || @.end.text == null)')) stored;

-- How many times each school's tallies have been rewritten: the dashboards' cache is keyed on the sum, so a
-- cached overview is used only until any school's marks change. One row per school, so that batches of different
-- schools merging at once never wait for each other here.
create table attendance_tally_versions (
    la        char(3)  not null,
    laestab   char(7)  not null,
    version   bigint   not null,
    primary key (la, laestab)
);
