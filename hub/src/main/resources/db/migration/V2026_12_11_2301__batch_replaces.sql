-- A batch that replaces what the hub holds over a span of days (a reconciliation's resend, docs/hub.md): for the
-- attendance feed, the marks of the pupil-years it carries between these days that it does not carry are removed;
-- for the exclusions feed, the school's exclusions starting between these days that it does not carry. Null for a
-- batch that only adds and changes.
alter table batches add column replaces_from date, add column replaces_to date;
alter table mark_history alter column new_code drop not null; -- null: the mark was removed (a replacing batch did not carry it)
