-- Children known to children's social care, as its latest list says (docs/formats.md, la/social-care.csv): each
-- load replaces the LA's rows. A case is open on a day from its start date until its end date (exclusive). The
-- dashboards' social worker and child protection breakdowns, and a social care viewer's cohort, come from here.
create table social_care_cases (
    la                char(3)     not null,
    person_id         bigint      not null references persons (id),
    social_worker     boolean     not null,
    looked_after      boolean     not null,
    child_protection  boolean     not null,
    start_date        date,
    end_date          date,
    loaded_at         timestamptz not null default now()
);
create index social_care_cases_person on social_care_cases (la, person_id);
