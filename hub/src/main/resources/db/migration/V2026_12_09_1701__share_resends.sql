-- A day's files may be sent again when the LA resends them (docs/sharing.md): each resend is a row of its own,
-- while the first delivery of a file stays unique, so a retry still delivers nothing twice.
alter table share_deliveries drop constraint share_deliveries_la_agreement_as_of_file_key;
alter table share_deliveries add column resend boolean not null default false;
create unique index share_deliveries_first on share_deliveries (la, agreement, as_of, file) where not resend;
