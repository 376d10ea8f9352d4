package org.rollbridge.cli;

import java.util.concurrent.Callable;
import org.rollbridge.hub.ProxySettings;
import org.rollbridge.hub.Refusal;
import org.rollbridge.hub.access.Totp;
import org.rollbridge.hub.access.UserAdministration;
import org.rollbridge.hub.access.Users;
import org.rollbridge.hub.audit.Actor;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./rollbridge admin}: what the maintainer does at the server before anyone can sign in, starting with the
 * first LA administrator, who then makes everyone else's accounts on the administration pages.
 */
@Command(name = "admin", mixinStandardHelpOptions = true,
        description = {"Account administration from the server's console, for the maintainer (docs/signing-in.md)."},
        subcommands = {AdminCommand.CreateUser.class})
public final class AdminCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Who ran the command, as the audit log names them: the console's operating-system user. */
    record Console(String username, String roleName) implements Actor {

        static Console current() {
            return new Console("console:" + System.getProperty("user.name"), "MAINTAINER");
        }
    }

    @Command(name = "create-user", mixinStandardHelpOptions = true,
            description = {"Creates a person's local account and prints, once, what they need to sign in the first",
                "time: a generated password and the key for their authenticator app. Only the password's hash is",
                "kept. Give both to the person yourself; they sign in at /sign-in. Audited as the console's user.",
                "Exit codes: 0 created, 1 refused (e.g. the user name is taken), 2 bad arguments or settings."})
    static final class CreateUser implements Callable<Integer> {

        @Option(names = "--name", required = true, paramLabel = "USER_NAME",
                description = "their user name: 3 to 64 lower-case letters, digits, dots, hyphens or underscores")
        String name;

        @Option(names = "--full-name", paramLabel = "NAME", description = "their full name (default: the user name)")
        String fullName;

        @Option(names = "--role", required = true, paramLabel = "ROLE",
                description = "their role, e.g. LA_ADMIN (docs/access.md lists the roles)")
        String role;

        @Option(names = "--organisation", paramLabel = "CODE", description = {"for a school's role its LAESTAB,"
                + " for a trust's its group UID; an LA role's default is the hub's LA (ROLLBRIDGE_LA)"})
        String organisation;

        @Override
        public Integer call() {
            ConfigurableApplicationContext hub = HubTask.startFor("admin create-user");
            if (hub == null) {
                return 2;
            }
            try (hub) {
                Users.NewAccount account;
                try {
                    account = hub.getBean(UserAdministration.class).create(Console.current(), name,
                            fullName == null || fullName.isBlank() ? name : fullName, role, organisation);
                } catch (Refusal e) {
                    System.err.println("admin create-user: " + e.getMessage());
                    return e instanceof Refusal.Invalid ? 2 : 1;
                }
                String signIn = hub.getBean(ProxySettings.class).publicUrl() == null ? "/sign-in"
                        : hub.getBean(ProxySettings.class).publicUrl() + "/sign-in";
                System.out.printf("""
                        Created %s (%s), %s at %s.
                        Give them these once, in person or by a channel you trust; they are not shown again:
                          user name:          %s
                          first password:     %s
                          authenticator key:  %s
                          authenticator link: %s
                        They sign in at %s with the user name, the password and the code their app then shows.
                        """, account.user().username(), account.user().displayName(), account.user().role().name(),
                        account.user().organisation(), account.user().username(), account.password(),
                        account.totpSecret(), Totp.uri("Rollbridge", account.user().username(), account.totpSecret()),
                        signIn);
                return 0;
            }
        }
    }
}
