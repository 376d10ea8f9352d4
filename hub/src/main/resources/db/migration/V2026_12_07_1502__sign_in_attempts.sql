-- Sign-in attempts counted on the account's own row: one update reserves an attempt before any password is
-- hashed, so parallel attempts cannot all pass the lockout check.
alter table users add column sign_in_attempts int not null default 0,
                  add column attempts_since timestamptz;
