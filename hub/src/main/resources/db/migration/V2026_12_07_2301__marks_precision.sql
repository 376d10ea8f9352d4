-- A CTF writes each mark as its code's first letter: its staged marks are flagged so that, merged, they never
-- replace a stored code beginning with the same letter (C1 kept against a CTF's C; docs/indicators.md).
alter table stage_attendance add column first_letters boolean not null default false;
