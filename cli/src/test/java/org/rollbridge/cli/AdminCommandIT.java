package org.rollbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollbridge.hub.testing.PageClient;
import org.rollbridge.hub.testing.RunningHub;
import org.rollbridge.hub.testing.TestDatabase;

/**
 * The first LA administrator, made at the server's console: {@code ./rollbridge admin create-user} prints, once,
 * a password and an authenticator key that sign them in; only the password's hash is kept, and the audit log names
 * the console's user as the one who made the account.
 */
class AdminCommandIT {

    static TestDatabase db;
    static final Map<String, String> SETTINGS = new java.util.LinkedHashMap<>();

    @BeforeAll
    static void database(@TempDir Path uploads) {
        db = TestDatabase.create();
        SETTINGS.putAll(Map.of("ROLLBRIDGE_DB_URL", db.url(), "ROLLBRIDGE_DB_USER", db.user(),
                "ROLLBRIDGE_DB_PASSWORD", db.password(), "ROLLBRIDGE_DATA_DIR", uploads.toString(),
                "ROLLBRIDGE_SUPPRESSION_KEY", RunningHub.SUPPRESSION_KEY,
                "ROLLBRIDGE_UPLOAD_KEYS", RunningHub.UPLOAD_KEYS));
        SETTINGS.forEach(System::setProperty);
    }

    @AfterAll
    static void clear() {
        SETTINGS.keySet().forEach(System::clearProperty);
    }

    record Run(int exit, String out, String err) {
    }

    static Run admin(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        try {
            String[] all = new String[args.length + 1];
            all[0] = "admin";
            System.arraycopy(args, 0, all, 1, args.length);
            int exit = RollbridgeCommand.commandLine().execute(all);
            return new Run(exit, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    static String field(String out, String name) {
        Matcher m = Pattern.compile("(?m)^\\s+" + name + ":\\s+(\\S+)$").matcher(out);
        assertThat(m.find()).as("%s in %s", name, out).isTrue();
        return m.group(1);
    }

    @Test
    void theFirstAdministratorIsMadeAtTheConsoleAndSignsInWithWhatItPrintedOnce(@TempDir Path data)
            throws Exception {
        Run made = admin("create-user", "--name", "fay.first", "--full-name", "Fay First", "--role", "LA_ADMIN");

        assertThat(made.exit()).as(made.err()).isZero();
        String password = field(made.out(), "first password");
        String key = field(made.out(), "authenticator key");
        assertThat(field(made.out(), "authenticator link")).startsWith("otpauth://totp/Rollbridge:fay.first?secret="
                + key);
        try (RunningHub hub = RunningHub.start(db, new Class<?>[0], data)) {
            String stored = hub.db().sql("select password_hash from users where username = 'fay.first'")
                    .query(String.class).single();
            assertThat(stored).startsWith("{argon2}").doesNotContain(password);
            assertThat(hub.db().sql("select actor || ' ' || role || ' ' || detail from audit_events"
                    + " where action = 'USER_ADMINISTRATION' and subject = 'fay.first'").query(String.class).single())
                    .isEqualTo("console:" + System.getProperty("user.name") + " MAINTAINER created as LA_ADMIN at LA:926");

            PageClient browser = new PageClient(hub.base());
            // The form's token first and the code last, so that a slow machine does not let the code expire.
            String csrf = browser.csrf("/sign-in");
            HttpResponse<String> signIn = browser.post("/sign-in", Map.of("username", "fay.first",
                    "password", password, "_csrf", csrf,
                    "code", org.rollbridge.hub.access.Totp.code(key, Instant.now())));

            assertThat(signIn.headers().firstValue("Location")).hasValueSatisfying(l ->
                    assertThat(l).doesNotContain("error"));
            assertThat(browser.get("/admin/users").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aTakenNameOrAnUnknownRoleIsRefusedOnStandardErrorWithNothingPrinted() {
        assertThat(admin("create-user", "--name", "sam.taken", "--role", "LA_ADMIN").exit()).isZero();

        Run taken = admin("create-user", "--name", "sam.taken", "--role", "LA_ADMIN");
        Run badRole = admin("create-user", "--name", "sam.other", "--role", "EMPEROR");

        assertThat(taken.exit()).isEqualTo(1);
        assertThat(taken.out()).isEmpty();
        assertThat(taken.err()).contains("There is already an account 'sam.taken'");
        assertThat(badRole.exit()).isEqualTo(2);
        assertThat(badRole.out()).isEmpty();
        assertThat(badRole.err()).contains("Choose a role from the list");
    }
}
