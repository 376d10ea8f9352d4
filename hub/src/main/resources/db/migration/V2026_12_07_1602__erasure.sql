-- Erasure on a recorded decision (docs/retention.md, "People's rights"): the decision, and the identifiers of the
-- erased person kept only as hashes, so that a later upload naming them is held for the LA to review instead of
-- quietly becoming a record again.

-- No personal data: who decided, when, why (the legal basis and the request's reference).
create table erasure_decisions (
    id          bigserial    primary key,
    la          char(3)      not null,
    decided_by  text         not null,
    decided_at  timestamptz  not null default now(),
    reason      text         not null,
    reference   text
);

-- SHA-256 of "LA:identifier" (UPN, former UPN or ULN), never the identifier itself.
create table suppressed_identifiers (
    la            char(3)  not null,
    kind          text     not null check (kind in ('UPN', 'FORMER_UPN', 'ULN')),
    value_sha256  bytea    not null,
    decision_id   bigint   not null references erasure_decisions (id),
    primary key (la, value_sha256)
);

-- A record held back because no person has its UPN is held for review, saying why, when the UPN was erased.
create function held_records_suppressed() returns trigger language plpgsql as $$
declare
    decision bigint;
begin
    if new.upn is not null and new.status = 'held' then
        select s.decision_id into decision from suppressed_identifiers s
        where s.la = new.la and s.value_sha256 = sha256(convert_to(new.la || ':' || upper(new.upn), 'UTF8'));
        if decision is not null then
            new.reason := 'REVIEW';
            new.detail := 'The person this UPN belonged to was erased on erasure decision ' || decision
                || ': held for the LA to review before any record is created for it again';
        end if;
    end if;
    return new;
end $$;
create trigger held_records_suppressed before insert on held_records
    for each row execute function held_records_suppressed();
