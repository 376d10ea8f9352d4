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
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Local sign-in: user name, password and the authenticator app's code together. Every failure gives the same
 * message and does the same hashing work, whether the account exists or not, so nobody can learn which user
 * names exist. Five attempts without a success in 15 minutes lock the account for the rest of that window.
 */
public class LocalSignIn implements AuthenticationProvider {

    public static final String FAILURE = "Enter a correct user name, password and security code. After 5 failed"
            + " attempts an account is locked for 15 minutes.";
    static final int MAX_FAILURES = 5;

    private final Users users;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final Clock clock;
    private final String decoyHash;

    public LocalSignIn(Users users, PasswordEncoder encoder, AuditLog audit, Clock clock) {
        this.users = users;
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
