-- Reads of pupil-level data are audited with the pupils they showed: one row per request, the pupils as lists
-- (persons the LA knows by id, and UPNs of records that name no person yet, such as a batch report's rows).
alter table audit_events add column persons bigint[],
                         add column upns text[];
create index audit_events_persons on audit_events using gin (persons);
create index audit_events_upns on audit_events using gin (upns);
create index audit_events_actor on audit_events (actor, at);

-- Erasing a person may still reduce a row, once, to a tombstone; it may also take the erased person's id and
-- UPNs out of a row's lists (which may name other pupils too). Every other update, every delete and truncate are
-- refused as before.
create or replace function audit_events_refuse_change() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and new.id = old.id and new.la = old.la and new.at = old.at
       and new.actor is not distinct from old.actor and new.role is not distinct from old.role
       and new.action = old.action and new.outcome = old.outcome
       and coalesce(new.persons, '{}') <@ coalesce(old.persons, '{}')
       and coalesce(new.upns, '{}') <@ coalesce(old.upns, '{}')
       and ((old.erased_on is null and new.erased_on is not null
             and new.subject is not distinct from split_part(old.subject, ':', 1)
             and new.reason is null and new.detail is null)
         or (new.erased_on is not distinct from old.erased_on and new.subject is not distinct from old.subject
             and new.reason is not distinct from old.reason and new.detail is not distinct from old.detail)) then
        return new;
    end if;
    raise exception 'audit_events is append-only: % refused', tg_op;
end;
$$;

-- Administrators' personal API tokens: made by an LA administrator for a named administrator, shown once, kept
-- only as a SHA-256 hash, expiring and revocable. The token's user is the actor of everything done with it.
create table admin_tokens (
    id            bigserial    primary key,
    la            char(3)      not null,
    user_id       bigint       not null references users (id),
    label         text         not null,
    token_hash    char(64)     not null unique,
    created_by    text         not null,
    created_at    timestamptz  not null default now(),
    expires_at    timestamptz  not null,
    revoked_at    timestamptz,
    revoked_by    text,
    last_used_at  timestamptz
);
create index admin_tokens_user on admin_tokens (user_id);
