package org.rollbridge.hub.access;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Local and OpenID Connect accounts, their failed sign-ins and one-time code steps, kept by {@link UserStore}. */
@Service
public class Users {

    static final Duration LOCKOUT_WINDOW = Duration.ofMinutes(15);
    private final UserStore users;
    private final PasswordEncoder encoder;

    public Users(UserStore users, PasswordEncoder encoder) {
        this.users = users;
        this.encoder = encoder;
    }

    /** An account as stored, for checking a sign-in. */
    public record Account(HubUser user, String passwordHash, String totpSecret, Long totpLastStep, boolean enabled) {
    }

    /**
     * An account as the administration pages list it: {@code local} when it signs in with a password here,
     * {@code lastSignIn} null when it never has.
     */
    public record Listed(HubUser user, boolean enabled, boolean local, Instant created, Instant lastSignIn) {

        /** Dormant: enabled, and no sign-in (or, never signed in, no creation) since {@code since}. */
        public boolean dormantSince(Instant since) {
            return enabled && (lastSignIn == null ? created : lastSignIn).isBefore(since);
        }
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
        long id = users.add(username, displayName, encoder.encode(password), secret, role, organisation);
        return new NewAccount(new HubUser(id, username, displayName, role, organisation), password, secret);
    }

    /** A new password and authenticator secret for an existing account; failures and used codes are cleared. */
    @Transactional
    public NewAccount rekey(String username) {
        HubUser user = account(username).orElseThrow(() -> new IllegalArgumentException(
                "There is no account '" + username + "'")).user();
        String password = Passwords.generate();
        String secret = Totp.newSecret();
        users.rekey(user.id(), encoder.encode(password), secret);
        clearFailures(user.id());
        return new NewAccount(user, password, secret);
    }

    public java.util.List<Listed> all() {
        return users.all();
    }

    /** Notes a successful sign-in (local or through the identity provider). */
    public void signedIn(long userId, Instant at) {
        users.signedIn(userId, at);
    }

    /** Stores a stronger hash of a password just proved right, when the stored one uses an older scheme. */
    public void upgradeHash(long userId, String storedHash, String password) {
        if (encoder.upgradeEncoding(storedHash)) {
            users.replaceHash(userId, storedHash, encoder.encode(password));
        }
    }

    /** An account for someone who signs in only through the LA's identity provider. */
    @Transactional
    public HubUser createFederated(String username, String displayName, Role role, Organisation organisation,
                                   String issuer, String claim, String value) {
        long id = users.add(username, displayName, null, null, role, organisation);
        users.addIdentity(id, issuer, claim, value);
        return new HubUser(id, username, displayName, role, organisation);
    }

    /** The organisation's enabled users whose role has the capability (for example, who may be assigned a case). */
    public java.util.List<HubUser> enabledWith(Organisation organisation, Capability capability) {
        return users.enabled(organisation, java.util.Arrays.stream(Role.values()).filter(r -> r.may(capability))
                .toList());
    }

    /**
     * Whether a signed-in session may go on: the account is still enabled and holds the role and organisation it
     * signed in with. Disabling an account or changing its role ends its open sessions at their next request.
     */
    public boolean current(HubUser user) {
        return users.current(user.id(), user.role(), user.organisation());
    }

    public Optional<Account> account(String username) {
        return users.account(username);
    }

    /** The user an identity provider's subject or e-mail is mapped to; the subject wins when both are. */
    public Optional<HubUser> federated(String issuer, String subject, String email) {
        return users.federated(issuer, subject, email);
    }

    /**
     * Counts a sign-in attempt on the account's row and returns its number within the lockout window (a window
     * begins with the first attempt after the last one ended).
     */
    public int beginAttempt(long userId, Instant now) {
        return users.countAttempt(userId, now, now.minus(LOCKOUT_WINDOW));
    }

    /**
     * Counts an attempt from a client address against its limit of failures, before anything is checked (a success
     * is then forgiven, {@link #forgiveClientAttempt}); returns the count and when the address's window ends.
     */
    public ClientAttempt beginClientAttempt(String client, Instant now) {
        UserStore.ClientFailures counted = users.countClientFailure(client, now, now.minus(LOCKOUT_WINDOW));
        return new ClientAttempt(counted.failures(), counted.since().plus(LOCKOUT_WINDOW));
    }

    public void forgiveClientAttempt(String client) {
        users.forgiveClientFailure(client);
    }

    /** The failures counted from a client address in its window, this attempt included, and the window's end. */
    public record ClientAttempt(int failures, Instant windowEnds) {
    }

    public void recordFailure(long userId, Instant at) {
        users.addFailure(userId, at);
    }

    public void clearFailures(long userId) {
        users.clearFailures(userId);
    }

    /** Records the step of a code just accepted; false when that step (or a later one) was already used. */
    public boolean useTotpStep(long userId, long step) {
        return users.useTotpStep(userId, step);
    }
}
