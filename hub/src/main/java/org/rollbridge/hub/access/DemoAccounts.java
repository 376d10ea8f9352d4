package org.rollbridge.hub.access;

import java.util.ArrayList;
import java.util.List;
import org.rollbridge.hub.HubProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One account per role for the demo only: new passwords and authenticator secrets every time the demo starts,
 * printed once and never stored in clear. Never called by the service itself.
 */
@Service
public class DemoAccounts {

    private final Users users;
    private final HubProperties settings;
    private final Organisations organisations;

    public DemoAccounts(Users users, HubProperties settings, Organisations organisations) {
        this.users = users;
        this.settings = settings;
        this.organisations = organisations;
    }

    /** Creates (or re-keys) demo-la-admin, demo-la-attendance-officer, ... and returns what each needs to sign in. */
    @Transactional
    public List<Users.NewAccount> issue(String school, String trust) {
        List<Users.NewAccount> out = new ArrayList<>();
        // So that the demo trust viewer has a school to see: the demo school is in the demo trust throughout.
        if (organisations.graph().links().stream().noneMatch(l -> l.parent().equals(Organisation.trust(trust)))) {
            organisations.link(school, Organisation.trust(trust), java.time.LocalDate.of(2000, 1, 1), null);
        }
        for (Role role : Role.values()) {
            Organisation org = switch (role.organisationKind()) {
                case LA -> Organisation.la(settings.la());
                case SCHOOL -> Organisation.school(school);
                case TRUST -> Organisation.trust(trust);
                case DFE -> Organisation.DFE;
            };
            String username = "demo-" + role.name().toLowerCase().replace('_', '-');
            out.add(users.account(username).isPresent() ? users.rekey(username)
                    : users.create(username, "Demo " + role.description(), role, org));
        }
        return out;
    }

    /** The sign-in lines the demo prints. */
    public static String describe(List<Users.NewAccount> accounts, String url) {
        StringBuilder text = new StringBuilder("Sign in at " + url + "/sign-in (one account per role; add the secret"
                + " to an authenticator app, or run: oathtool --totp -b SECRET):\n");
        for (Users.NewAccount a : accounts) {
            text.append(String.format("  %-32s password %s  TOTP secret %s%n", a.user().username(), a.password(),
                    a.totpSecret()));
        }
        return text.toString();
    }
}
