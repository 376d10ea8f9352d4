package org.rollbridge.hub.access;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.rollbridge.hub.Refusal;
import org.rollbridge.hub.audit.Actor;
import org.rollbridge.hub.audit.AuditAction;
import org.rollbridge.hub.audit.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administrators' personal API tokens, so that what is done on the machine API is done by a named person. An LA
 * administrator makes one for an administrator (themselves or another); it is shown once, kept only as its
 * SHA-256, expires, and can be revoked. Each is audited; the token's user is the actor of every call made with it.
 */
@Service
public class AdminTokens {

    /** The longest a token may live; an administrator asks for a new one after. */
    public static final int LONGEST_DAYS = 365;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AdminTokenStore store;
    private final Users users;
    private final AuditLog audit;
    private final Clock clock;

    public AdminTokens(AdminTokenStore store, Users users, AuditLog audit, Clock clock) {
        this.store = store;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /** A token just made: its value is here once and nowhere else. */
    public record Issued(long id, String username, String label, String token, Instant expiresAt) {
    }

    /** Makes a token for {@code username}, who must hold an administrator's role, valid for {@code days}. */
    @Transactional
    public Issued issue(String username, String label, int days, Actor by) {
        String name = username == null ? "" : username.strip();
        HubUser user = users.account(name).filter(Users.Account::enabled).map(Users.Account::user)
                .orElseThrow(() -> new Refusal.Invalid("There is no enabled account '" + name
                        + "': give the user name of an LA administrator"));
        if (!administrator(user.role())) {
            throw new Refusal.Invalid(name + " is a " + user.role() + ": personal API tokens are for LA "
                    + "administrators only");
        }
        if (label == null || label.isBlank() || label.strip().length() > 100) {
            throw new Refusal.Invalid("Say what the token is for (1 to 100 characters), e.g. 'review queue script'");
        }
        if (days < 1 || days > LONGEST_DAYS) {
            throw new Refusal.Invalid("A token lasts from 1 to " + LONGEST_DAYS + " days; it was " + days);
        }
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = "rba_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant expires = clock.instant().plus(Duration.ofDays(days));
        long id = store.add(user.id(), label.strip(), hash(token), by.username(), expires);
        audit.record(by, AuditAction.ADMIN_TOKEN_ISSUED, "admin-token:" + id, label.strip(),
                "for " + user.username() + ", expires " + expires);
        return new Issued(id, user.username(), label.strip(), token, expires);
    }

    @Transactional
    public void revoke(long id, Actor by) {
        String owner = store.revoke(id, by.username(), clock.instant()).orElseThrow(() -> new Refusal.NotFound(
                "There is no current token " + id + "; it may have been revoked already"));
        audit.record(by, AuditAction.ADMIN_TOKEN_REVOKED, "admin-token:" + id, null, "of " + owner);
    }

    /** The administrator whose current token this is. */
    public Optional<HubUser> userOf(String token) {
        return store.use(hash(token), clock.instant(), Arrays.stream(Role.values()).filter(AdminTokens::administrator)
                .map(Role::name).toList());
    }

    /** True when the token was a personal token and has been revoked or has expired. */
    public boolean lapsed(String token) {
        return store.lapsed(hash(token), clock.instant());
    }

    public List<AdminTokenStore.Listed> all() {
        return store.all();
    }

    static boolean administrator(Role role) {
        return role.may(Capability.ADMINISTER);
    }

    static String hash(String token) {
        return HexFormat.of().formatHex(SchoolCredentials.sha256(token));
    }
}
