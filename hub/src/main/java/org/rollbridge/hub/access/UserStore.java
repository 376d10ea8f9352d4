package org.rollbridge.hub.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.rollbridge.hub.HubProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The users rows with their identity providers' identities (oidc_identities) and failed sign-ins
 * (sign_in_failures). Passwords arrive here already hashed.
 */
@Component
public class UserStore {

    private final JdbcClient db;
    private final HubProperties settings;

    public UserStore(JdbcClient db, HubProperties settings) {
        this.db = db;
        this.settings = settings;
    }

    /** A new account; {@code passwordHash} and {@code totpSecret} are null for one that signs in elsewhere. */
    public long add(String username, String displayName, String passwordHash, String totpSecret, Role role,
                    Organisation organisation) {
        return db.sql("""
                insert into users (la, username, display_name, password_hash, totp_secret, role, organisation_kind,
                                   organisation_code)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(settings.la(), username, displayName, passwordHash, totpSecret, role.name(),
                        organisation.kind().name(), organisation.code())
                .query(Long.class).single();
    }

    public void addIdentity(long userId, String issuer, String claim, String value) {
        db.sql("insert into oidc_identities (issuer, claim, value, user_id) values (?, ?, ?, ?)")
                .params(issuer, claim, value, userId).update();
    }

    /** A new password hash and authenticator secret; the codes used with the old secret are forgotten. */
    public void rekey(long userId, String passwordHash, String totpSecret) {
        db.sql("update users set password_hash = ?, totp_secret = ?, totp_last_step = null where id = ?")
                .params(passwordHash, totpSecret, userId).update();
    }

    /** Replaces the password hash only while it is still {@code oldHash}. */
    public void replaceHash(long userId, String oldHash, String newHash) {
        db.sql("update users set password_hash = ? where id = ? and password_hash = ?")
                .params(newHash, userId, oldHash).update();
    }

    /** Whether the account is enabled and still holds this role at this organisation. */
    public boolean current(long userId, Role role, Organisation organisation) {
        return db.sql("""
                select exists(select 1 from users where id = ? and enabled and role = ?
                              and organisation_kind = ? and organisation_code = ?)""")
                .params(userId, role.name(), organisation.kind().name(), organisation.code())
                .query(Boolean.class).single();
    }

    public Optional<Users.Account> account(String username) {
        return db.sql("""
                select id, username, display_name, role, organisation_kind, organisation_code, password_hash,
                       totp_secret, totp_last_step, enabled
                from users where username = ?""").param(username)
                .query((rs, n) -> new Users.Account(user(rs), rs.getString("password_hash"),
                        rs.getString("totp_secret"), (Long) rs.getObject("totp_last_step"), rs.getBoolean("enabled")))
                .optional();
    }

    /** The enabled user an issuer's subject or e-mail is mapped to; the subject wins when both are. */
    public Optional<HubUser> federated(String issuer, String subject, String email) {
        return db.sql("""
                select u.id, u.username, u.display_name, u.role, u.organisation_kind, u.organisation_code
                from oidc_identities i join users u on u.id = i.user_id
                where i.issuer = ? and u.enabled
                  and ((i.claim = 'sub' and i.value = ?) or (i.claim = 'email' and lower(i.value) = lower(?)))
                order by i.claim desc limit 1""")
                .params(issuer, subject, email == null ? "" : email)
                .query((rs, n) -> user(rs)).optional();
    }

    /**
     * Counts an attempt on the account's row and returns its number in the window that began at the first attempt
     * after {@code windowStart}, or at {@code at} when there was none. One update: parallel attempts queue on the
     * row lock.
     */
    public int countAttempt(long userId, Instant at, Instant windowStart) {
        Timestamp start = Timestamp.from(windowStart);
        return db.sql("""
                update users set
                    sign_in_attempts = case when attempts_since is null or attempts_since < ? then 1
                                            else sign_in_attempts + 1 end,
                    attempts_since = case when attempts_since is null or attempts_since < ? then ?
                                          else attempts_since end
                where id = ? returning sign_in_attempts""")
                .params(start, start, Timestamp.from(at), userId).query(Integer.class).single();
    }

    /**
     * Counts a failed sign-in from a client address, in one statement so parallel attempts each see their own count,
     * and returns the count within the window and when the window began. Rows whose window ended are deleted.
     */
    public ClientFailures countClientFailure(String client, Instant at, Instant windowStart) {
        Timestamp start = Timestamp.from(windowStart);
        db.sql("delete from sign_in_clients where since < ?").param(start).update();
        return db.sql("""
                insert into sign_in_clients (client, failures, since) values (?, 1, ?)
                on conflict (client) do update set failures = sign_in_clients.failures + 1
                returning failures, since""")
                .params(client, Timestamp.from(at))
                .query((rs, n) -> new ClientFailures(rs.getInt(1), rs.getTimestamp(2).toInstant())).single();
    }

    /** An attempt from the client that succeeded: it does not count against the address. */
    public void forgiveClientFailure(String client) {
        db.sql("update sign_in_clients set failures = greatest(failures - 1, 0) where client = ?").param(client)
                .update();
    }

    /** A client address's failed sign-ins in its window, which began {@code since}. */
    public record ClientFailures(int failures, Instant since) {
    }

    public void addFailure(long userId, Instant at) {
        db.sql("insert into sign_in_failures (user_id, at) values (?, ?)").params(userId, Timestamp.from(at)).update();
    }

    /** Forgets the account's failed sign-ins and its attempt count. */
    public void clearFailures(long userId) {
        db.sql("delete from sign_in_failures where user_id = ?").param(userId).update();
        db.sql("update users set sign_in_attempts = 0, attempts_since = null where id = ?").param(userId).update();
    }

    /** Records the step of a code just accepted; false when that step (or a later one) was already used. */
    public boolean useTotpStep(long userId, long step) {
        return db.sql("""
                update users set totp_last_step = ? where id = ? and (totp_last_step is null or totp_last_step < ?)""")
                .params(step, userId, step).update() == 1;
    }

    /** Notes a successful sign-in, for the access review's dormant accounts. */
    public void signedIn(long userId, Instant at) {
        db.sql("update users set last_sign_in_at = ? where id = ?").params(Timestamp.from(at), userId).update();
    }

    public void changeRole(long userId, Role role, Organisation organisation) {
        db.sql("update users set role = ?, organisation_kind = ?, organisation_code = ? where id = ?")
                .params(role.name(), organisation.kind().name(), organisation.code(), userId).update();
    }

    public void setEnabled(long userId, boolean enabled) {
        db.sql("update users set enabled = ? where id = ?").params(enabled, userId).update();
    }

    /** A new authenticator secret; the codes used with the old one are forgotten. */
    public void resetSecondFactor(long userId, String totpSecret) {
        db.sql("update users set totp_secret = ?, totp_last_step = null where id = ?")
                .params(totpSecret, userId).update();
    }

    /** Every account, by user name, with its state and last sign-in. */
    public List<Users.Listed> all() {
        return db.sql("""
                select id, username, display_name, role, organisation_kind, organisation_code, enabled,
                       password_hash is not null as local, created_at, last_sign_in_at
                from users order by username""")
                .query((rs, n) -> new Users.Listed(user(rs), rs.getBoolean("enabled"), rs.getBoolean("local"),
                        rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("last_sign_in_at"))))
                .list();
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }

    /** The enabled users of an organisation holding one of the roles, by display name. */
    public java.util.List<HubUser> enabled(Organisation organisation, java.util.List<Role> roles) {
        return db.sql("""
                select id, username, display_name, role, organisation_kind, organisation_code from users
                where enabled and organisation_kind = ? and organisation_code = ? and role = any(?)
                order by display_name, username""")
                .params(organisation.kind().name(), organisation.code(),
                        roles.stream().map(Role::name).toArray(String[]::new))
                .query((rs, n) -> user(rs)).list();
    }

    private static HubUser user(ResultSet rs) throws SQLException {
        return new HubUser(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                Role.valueOf(rs.getString("role")), new Organisation(
                OrganisationKind.valueOf(rs.getString("organisation_kind")), rs.getString("organisation_code")));
    }
}
