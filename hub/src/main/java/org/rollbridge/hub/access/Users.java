package org.rollbridge.hub.access;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.rollbridge.hub.HubProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Local and OpenID Connect accounts, their failed sign-ins and one-time code steps. */
@Service
public class Users {

    private final JdbcClient db;
    private final HubProperties settings;
    private final PasswordEncoder encoder;

    public Users(JdbcClient db, HubProperties settings, PasswordEncoder encoder) {
        this.db = db;
        this.settings = settings;
        this.encoder = encoder;
    }

    /** An account as stored, for checking a sign-in. */
    public record Account(HubUser user, String passwordHash, String totpSecret, Long totpLastStep, boolean enabled) {
    }

    /** What a new local account needs to sign in the first time; shown once and not kept in clear. */
    public record NewAccount(HubUser user, String password, String totpSecret) {
    }

    @Transactional
    public NewAccount create(String username, String displayName, Role role, Organisation organisation) {
        if (role.organisationKind() != organisation.kind()) {
            throw new IllegalArgumentException("Role " + role + " belongs to a " + role.organisationKind()
                    + ", not to " + organisation);
        }
        String password = Passwords.generate();
        String secret = Totp.newSecret();
        long id = db.sql("""
                insert into users (la, username, display_name, password_hash, totp_secret, role, organisation_kind,
                                   organisation_code)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(settings.la(), username, displayName, encoder.encode(password), secret, role.name(),
                        organisation.kind().name(), organisation.code())
                .query(Long.class).single();
        return new NewAccount(new HubUser(id, username, displayName, role, organisation), password, secret);
    }

    /** A new password and authenticator secret for an existing account; failures and used codes are cleared. */
    @Transactional
    public NewAccount rekey(String username) {
        HubUser user = account(username).orElseThrow(() -> new IllegalArgumentException(
                "There is no account '" + username + "'")).user();
        String password = Passwords.generate();
        String secret = Totp.newSecret();
        db.sql("update users set password_hash = ?, totp_secret = ?, totp_last_step = null where id = ?")
                .params(encoder.encode(password), secret, user.id()).update();
        clearFailures(user.id());
        return new NewAccount(user, password, secret);
    }

    /** Stores a stronger hash of a password just proved right, when the stored one uses an older scheme. */
    public void upgradeHash(long userId, String storedHash, String password) {
        if (encoder.upgradeEncoding(storedHash)) {
            db.sql("update users set password_hash = ? where id = ? and password_hash = ?")
                    .params(encoder.encode(password), userId, storedHash).update();
        }
    }

    /** An account for someone who signs in only through the LA's identity provider. */
    @Transactional
    public HubUser createFederated(String username, String displayName, Role role, Organisation organisation,
                                   String issuer, String claim, String value) {
        long id = db.sql("""
                insert into users (la, username, display_name, role, organisation_kind, organisation_code)
                values (?, ?, ?, ?, ?, ?) returning id""")
                .params(settings.la(), username, displayName, role.name(), organisation.kind().name(),
                        organisation.code())
                .query(Long.class).single();
        db.sql("insert into oidc_identities (issuer, claim, value, user_id) values (?, ?, ?, ?)")
                .params(issuer, claim, value, id).update();
        return new HubUser(id, username, displayName, role, organisation);
    }

    public Optional<Account> account(String username) {
        return db.sql("""
                select id, username, display_name, role, organisation_kind, organisation_code, password_hash,
                       totp_secret, totp_last_step, enabled
                from users where username = ?""").param(username)
                .query((rs, n) -> new Account(user(rs), rs.getString("password_hash"), rs.getString("totp_secret"),
                        (Long) rs.getObject("totp_last_step"), rs.getBoolean("enabled")))
                .optional();
    }

    /** The user an identity provider's subject or e-mail is mapped to; the subject wins when both are. */
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
     * Counts a sign-in attempt on the account's row and returns its number within the lockout window (a window
     * begins with the first attempt after the last one ended). One update: parallel attempts queue on the row lock.
     */
    public int beginAttempt(long userId, Instant now) {
        java.sql.Timestamp at = java.sql.Timestamp.from(now);
        java.sql.Timestamp windowStart = java.sql.Timestamp.from(now.minus(LOCKOUT_WINDOW));
        return db.sql("""
                update users set
                    sign_in_attempts = case when attempts_since is null or attempts_since < ? then 1
                                            else sign_in_attempts + 1 end,
                    attempts_since = case when attempts_since is null or attempts_since < ? then ?
                                          else attempts_since end
                where id = ? returning sign_in_attempts""")
                .params(windowStart, windowStart, at, userId).query(Integer.class).single();
    }

    public void recordFailure(long userId, Instant at) {
        db.sql("insert into sign_in_failures (user_id, at) values (?, ?)")
                .params(userId, java.sql.Timestamp.from(at)).update();
    }

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

    static final Duration LOCKOUT_WINDOW = Duration.ofMinutes(15);

    private static HubUser user(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new HubUser(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                Role.valueOf(rs.getString("role")), new Organisation(
                OrganisationKind.valueOf(rs.getString("organisation_kind")), rs.getString("organisation_code")));
    }
}
