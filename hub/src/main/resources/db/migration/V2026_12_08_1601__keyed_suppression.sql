-- The suppression list keyed (docs/retention.md, "Erasure"): HMAC-SHA256 under the hub's secret
-- (ROLLBRIDGE_SUPPRESSION_KEY) instead of a plain SHA-256, which anyone could reverse by hashing every UPN. The key
-- never reaches the database, so the check moves from a trigger to the hub (HeldRecords.holdSuppressed), which also
-- consults the list before the register or a review makes a person.
drop trigger held_records_suppressed on held_records;
drop function held_records_suppressed();

-- A plain hash cannot be keyed after the fact (that would need the identifier it hides), and no release of the hub
-- carried the unkeyed list: the entries are removed; the erasure decisions themselves stay.
delete from suppressed_identifiers;
alter table suppressed_identifiers rename column value_sha256 to value_hmac;
