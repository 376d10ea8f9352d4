package org.rollbridge.hub.access;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.rollbridge.hub.audit.AuditAction;
import org.rollbridge.hub.audit.AuditLog;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Local sign-in: user name, password and the authenticator app's code together. Every failure gives the same
 * message and does the same hashing work, whether the account exists or not, so nobody can learn which user
 * names exist. Five attempts without a success in 15 minutes lock the account for the rest of that window, and
 * {@code ROLLBRIDGE_SIGN_IN_CLIENT_FAILURES} failures from one client address in 15 minutes, whatever accounts they
 * name, refuse that address's attempts for the rest of its window ({@link Throttled}, answered 429) before any
 * account is looked at. The address is the one the LA's trusted proxy names (ProxyHeaders), else the connection's.
 */
public class LocalSignIn implements AuthenticationProvider {

    public static final String FAILURE = "Enter a correct user name, password and security code. After 5 failed"
            + " attempts an account is locked for 15 minutes.";
    static final int MAX_FAILURES = 5;
    public static final String THROTTLED = "Too many failed sign-ins from your network. Wait 15 minutes, then try "
            + "again; if you have forgotten your password, ask your LA administrator.";

    /**
     * Too many failed sign-ins from the client's address: refused until its window ends. An account status
     * exception, so that Spring's provider manager stops at it rather than asking the next provider, whose answer
     * (a plain wrong password) would replace it.
     */
    public static final class Throttled extends AccountStatusException {

        private final transient Instant until;

        Throttled(Instant until) {
            super(THROTTLED);
            this.until = until;
        }

        public Instant until() {
            return until;
        }
    }

    private final Users users;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final Clock clock;
    private final String decoyHash;
    private final int clientFailures;

    public LocalSignIn(Users users, PasswordEncoder encoder, AuditLog audit, Clock clock, int clientFailures) {
        this.users = users;
        this.clientFailures = clientFailures;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock;
        this.decoyHash = encoder.encode(Passwords.generate());
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String username = attempt.getName() == null ? "" : attempt.getName().strip();
        String password = attempt.getCredentials() == null ? "" : attempt.getCredentials().toString();
        String code = attempt.getDetails() instanceof SignInDetails d ? d.code() : null;
        Instant now = clock.instant();
        String client = attempt.getDetails() instanceof SignInDetails d && d.getRemoteAddress() != null
                ? d.getRemoteAddress() : "unknown";
        // Counted before anything is checked, by one row update, so parallel guesses cannot outrun the limit either.
        Users.ClientAttempt fromClient = users.beginClientAttempt(client, now);
        if (fromClient.failures() > clientFailures) {
            audit.record(null, null, AuditAction.SIGN_IN_FAILED, null, null,
                    "too many failed sign-ins from one address", "refused");
            throw new Throttled(fromClient.windowEnds());
        }
        Optional<Users.Account> found = users.account(username);
        if (found.isEmpty()) {
            encoder.matches(password, decoyHash);
            audit.record(null, null, AuditAction.SIGN_IN_FAILED, null, null, "unknown account", "refused");
            throw new BadCredentialsException(FAILURE);
        }
        Users.Account account = found.get();
        HubUser user = account.user();
        // Decided before any hashing, by one row update, so parallel attempts cannot outrun the limit.
        boolean locked = users.beginAttempt(user.id(), now) > MAX_FAILURES;
        boolean passwordRight = encoder.matches(password, account.passwordHash() == null ? decoyHash
                : account.passwordHash()) && account.passwordHash() != null;
        OptionalLong step = account.totpSecret() == null ? OptionalLong.empty()
                : Totp.matchingStep(account.totpSecret(), code, now);
        String why = !account.enabled() ? "account disabled" : locked ? "account locked" : !passwordRight
                ? "wrong password" : step.isEmpty() ? "wrong security code"
                : !users.useTotpStep(user.id(), step.getAsLong()) ? "security code already used" : null;
        if (why != null) {
            if (!locked) {
                users.recordFailure(user.id(), now);
            }
            audit.record(user.username(), user.role().name(), AuditAction.SIGN_IN_FAILED, null, null, why, "refused");
            throw new BadCredentialsException(FAILURE);
        }
        users.clearFailures(user.id());
        users.forgiveClientAttempt(client);
        users.signedIn(user.id(), now);
        users.upgradeHash(user.id(), account.passwordHash(), password);
        audit.record(user, AuditAction.SIGN_IN, null, null, "local account");
        return new UsernamePasswordAuthenticationToken(user, null,
                List.of(new SimpleGrantedAuthority(user.role().authority())));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
