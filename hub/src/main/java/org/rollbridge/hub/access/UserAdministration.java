package org.rollbridge.hub.access;

import java.util.Optional;
import java.util.regex.Pattern;
import org.rollbridge.core.identity.Laestab;
import org.rollbridge.hub.HubProperties;
import org.rollbridge.hub.Refusal;
import org.rollbridge.hub.audit.Actor;
import org.rollbridge.hub.audit.AuditAction;
import org.rollbridge.hub.audit.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The LA administrator's changes to accounts: create, change role and organisation, disable and enable, reset the
 * second factor. Each is checked here (a bad value is refused saying what to enter) and audited with the
 * administrator who made it.
 */
@Service
public class UserAdministration {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
    private final Users users;
    private final UserStore store;
    private final HubProperties settings;
    private final AuditLog audit;

    public UserAdministration(Users users, UserStore store, HubProperties settings, AuditLog audit) {
        this.users = users;
        this.store = store;
        this.settings = settings;
        this.audit = audit;
    }

    /**
     * A new local account; its password and authenticator secret are returned to be shown once. The administrator
     * is a signed-in LA administrator, or the maintainer at the server's console making the first one.
     */
    @Transactional
    public Users.NewAccount create(Actor admin, String username, String displayName, String role,
                                   String organisationCode) {
        String name = username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
        if (!USERNAME.matcher(name).matches()) {
            throw new Refusal.Invalid("Enter a user name of 3 to 64 lower-case letters, digits, dots, hyphens or"
                    + " underscores, starting with a letter or digit, such as j.smith");
        }
        if (displayName == null || displayName.isBlank()) {
            throw new Refusal.Invalid("Enter the person's full name");
        }
        if (users.account(name).isPresent()) {
            throw new Refusal.Conflict("There is already an account '" + name + "': choose another user name");
        }
        Role chosen = role(role);
        Users.NewAccount account = users.create(name, displayName.strip(), chosen,
                organisation(chosen, organisationCode));
        audit.record(admin, AuditAction.USER_ADMINISTRATION, name, null,
                "created as " + chosen.name() + " at " + account.user().organisation());
        return account;
    }

    @Transactional
    public HubUser change(HubUser admin, String username, String role, String organisationCode) {
        HubUser user = existing(username);
        Role chosen = role(role);
        Organisation organisation = organisation(chosen, organisationCode);
        store.changeRole(user.id(), chosen, organisation);
        audit.record(admin, AuditAction.USER_ADMINISTRATION, user.username(), null, "role " + user.role().name()
                + " at " + user.organisation() + " changed to " + chosen.name() + " at " + organisation);
        return new HubUser(user.id(), user.username(), user.displayName(), chosen, organisation);
    }

    /** Disables or enables an account; a disabled account cannot sign in, locally or through the LA's provider. */
    @Transactional
    public void enable(HubUser admin, String username, boolean enabled, String reason) {
        HubUser user = existing(username);
        if (!enabled && user.id() == admin.id()) {
            throw new Refusal.Conflict("You cannot disable your own account: ask another LA administrator");
        }
        store.setEnabled(user.id(), enabled);
        audit.record(admin, AuditAction.USER_ADMINISTRATION, user.username(), blankToNull(reason),
                enabled ? "enabled" : "disabled");
    }

    /** A new authenticator secret, shown once; the password stays, failed attempts are forgotten. */
    @Transactional
    public String resetSecondFactor(HubUser admin, String username) {
        Users.Account account = users.account(username).orElseThrow(() -> unknown(username));
        if (account.passwordHash() == null) {
            throw new Refusal.Conflict("'" + username + "' signs in through the LA's identity provider, which keeps"
                    + " the second factor: reset it there");
        }
        String secret = Totp.newSecret();
        store.resetSecondFactor(account.user().id(), secret);
        users.clearFailures(account.user().id());
        audit.record(admin, AuditAction.USER_ADMINISTRATION, username, null, "second factor reset");
        return secret;
    }

    private HubUser existing(String username) {
        return Optional.ofNullable(username).flatMap(users::account).map(Users.Account::user)
                .orElseThrow(() -> unknown(username));
    }

    private static Refusal unknown(String username) {
        return new Refusal.NotFound("There is no account '" + username + "'");
    }

    private static Role role(String role) {
        try {
            return Role.valueOf(role == null ? "" : role.strip());
        } catch (IllegalArgumentException e) {
            throw new Refusal.Invalid("Choose a role from the list");
        }
    }

    /** The organisation a role's holder belongs to: the LA's own code when none is given for an LA role. */
    private Organisation organisation(Role role, String code) {
        String given = code == null ? "" : code.strip();
        return switch (role.organisationKind()) {
            case LA -> Organisation.la(given.isEmpty() ? settings.la() : requireMatch(given, "\\d{3}",
                    "Enter the LA's 3-digit code, such as " + settings.la()));
            case SCHOOL -> Organisation.school(Laestab.parse(given).map(Laestab::code).orElseThrow(() ->
                    new Refusal.Invalid("Enter the school's LAESTAB: the 3-digit LA code and 4-digit establishment"
                            + " number, such as " + settings.la() + "2001")));
            case TRUST -> Organisation.trust(requireMatch(given, "[A-Za-z0-9]{1,20}",
                    "Enter the trust's group UID as Get Information about Schools gives it, such as 2044"));
            case DFE -> Organisation.DFE;
        };
    }

    private static String requireMatch(String value, String pattern, String what) {
        if (!value.matches(pattern)) {
            throw new Refusal.Invalid(what);
        }
        return value;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
