-- The latest reconciliation of each school (docs/hub.md, "Reconciliation"): the agent's digest of every pupil-year
-- it holds compared with the hub's. differing_since is when the school last went from in step to differing.
create table school_reconciliations (
    la               char(3)     not null,
    laestab          char(7)     not null primary key references schools (laestab),
    checked_at       timestamptz not null,
    pupils           integer     not null,
    differing        integer     not null,
    held             integer     not null,
    differing_since  timestamptz
);
