-- Finding a pupil by name, forgiving accents and typing slips: names are compared folded (unaccented, lower case)
-- by trigram similarity. pg_trgm and unaccent are trusted extensions (PostgreSQL 13+), so the database's owner may
-- create them; docs/operations.md says so.
create extension if not exists pg_trgm;
create extension if not exists unaccent;

-- unaccent() is only stable (its dictionary could be edited); with the dictionary named, the fold is fixed and
-- may be used in an index should the LA's pupils outgrow a scan (PupilSearchQuery compares every row of the LA).
create function fold_name(text) returns text language sql immutable parallel safe strict as $$
    select lower(unaccent('unaccent'::regdictionary, $1))
$$;
