-- Failed local sign-ins counted by the client's address (as the LA's trusted proxy names it), so that guessing many
-- accounts' passwords from one address is slowed as the per-account lockout slows guessing one. A row lives for one
-- window: the next attempt from the address after its window ended starts a new one, and old rows are deleted.
create table sign_in_clients (
    client    text        primary key,
    failures  integer     not null,
    since     timestamptz not null
);
