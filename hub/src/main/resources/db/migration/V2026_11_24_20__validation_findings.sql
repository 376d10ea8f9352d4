-- Batch findings come from the validation rule catalogue (the same as `rollbridge validate`): keep every part of a
-- finding, so the batch's report can be written in the CLI's JSON, CSV and HTML formats.
alter table batch_findings
    add column field     text,
    add column value     text,
    add column fix       text,
    add column upn       text,
    add column position  integer,
    add column line      bigint,
    add column forename  text,
    add column surname   text,
    add column nc_year   text;

-- A record held for errors names the (first) rule it broke and the field.
alter table held_records
    add column rule_id text,
    add column field   text;

create index batches_school_kind_received on batches (laestab, kind, received_at desc);
