-- A replacing attendance batch that is the school's whole export over its span (a reconciliation's resend when a
-- pupil the hub holds marks for is no longer listed by the school, docs/hub.md): besides the pupil-years it carries,
-- every other pupil-year of the school loses its marks between replaces_from and replaces_to.
alter table batches add column replaces_school boolean not null default false;
