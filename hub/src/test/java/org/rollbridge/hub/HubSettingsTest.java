package org.rollbridge.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.logging.LogLevel;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * A hub given a setting it cannot use refuses to start, naming the variable, what was wrong and what it expects.
 * Settings are read before anything else starts, so none of these needs a database.
 */
class HubSettingsTest {

    static final String KEY = "test-suppression-key-synthetic-people-only";
    static final String KEYS = "k1:" + java.util.Base64.getEncoder().encodeToString(new byte[32]);

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            ROLLBRIDGE_WORKERS          | abc            | ROLLBRIDGE_WORKERS must be a whole number; it was 'abc'
            ROLLBRIDGE_WORKERS          | -1             | ROLLBRIDGE_WORKERS must be 0 or more; it was -1
            ROLLBRIDGE_DB_POOL_SIZE     | 0              | ROLLBRIDGE_DB_POOL_SIZE must be 1 or more; it was 0
            ROLLBRIDGE_JOB_RETRY_DELAY  | soon           | ROLLBRIDGE_JOB_RETRY_DELAY must be a duration such as PT30S (ISO-8601) or 30s, 20m, 2h; it was 'soon'
            ROLLBRIDGE_JOB_POLL_INTERVAL| PT0S           | ROLLBRIDGE_JOB_POLL_INTERVAL must be longer than zero; it was PT0S
            ROLLBRIDGE_ALERTS_AS_OF     | 19/12/2025     | ROLLBRIDGE_ALERTS_AS_OF must be a date like 2025-12-19; it was '19/12/2025'
            ROLLBRIDGE_NIGHTLY_CRON     | 0 30 25 * * *  | ROLLBRIDGE_NIGHTLY_CRON must be a Spring cron expression of six fields (second minute hour day month weekday) such as '0 30 2 * * *', or '-' for no nightly run; it was '0 30 25 * * *'
            ROLLBRIDGE_NIGHTLY_CRON     | 30 2 * * *     | ROLLBRIDGE_NIGHTLY_CRON must be a Spring cron expression of six fields
            ROLLBRIDGE_NIGHTLY_ZONE     | Europe/Londres | ROLLBRIDGE_NIGHTLY_ZONE must be a time zone such as Europe/London; it was 'Europe/Londres'
            ROLLBRIDGE_LOG_LEVEL        | LOUD           | ROLLBRIDGE_LOG_LEVEL must be one of TRACE, DEBUG, INFO, WARN, ERROR, FATAL, OFF; it was 'LOUD'
            ROLLBRIDGE_SIGN_IN_CLIENT_FAILURES | 0       | ROLLBRIDGE_SIGN_IN_CLIENT_FAILURES must be 1 or more; it was 0
            ROLLBRIDGE_SECURE_COOKIES   | sometimes      | ROLLBRIDGE_SECURE_COOKIES must be true or false; it was 'sometimes'
            ROLLBRIDGE_LA               | 92             | ROLLBRIDGE_LA must be a 3-digit LA code, e.g. 926; it was '92'
            ROLLBRIDGE_PORT             | 70000          | ROLLBRIDGE_PORT must be a port number from 0 to 65535; it was 70000
            ROLLBRIDGE_MAX_UPLOAD_BYTES | 512MB          | ROLLBRIDGE_MAX_UPLOAD_BYTES must be a whole number; it was '512MB'
            ROLLBRIDGE_UPLOAD_KEEP_DAYS | 0              | ROLLBRIDGE_UPLOAD_KEEP_DAYS must be 1 or more; it was 0
            ROLLBRIDGE_SCHOOL_TAIL_DAYS | -5             | ROLLBRIDGE_SCHOOL_TAIL_DAYS must be 0 or more; it was -5
            ROLLBRIDGE_DB_URL           | postgres://hub:secret@db | ROLLBRIDGE_DB_URL must be a PostgreSQL JDBC URL such as jdbc:postgresql://127.0.0.1:5432/rollbridge; it was one starting 'postgres:'
            ROLLBRIDGE_TRUSTED_PROXIES  | proxy.example  | ROLLBRIDGE_TRUSTED_PROXIES must be IP addresses separated by commas, such as 10.0.0.5,10.0.0.6; 'proxy.example' is not one
            ROLLBRIDGE_PUBLIC_URL       | rollbridge.example | ROLLBRIDGE_PUBLIC_URL must be the address people reach the hub at, such as https://rollbridge.example.gov.uk; it was 'rollbridge.example'
            ROLLBRIDGE_ADMIN_TOKEN_SCOPE| everything     | ROLLBRIDGE_ADMIN_TOKEN_SCOPE must be one of BOOTSTRAP, FULL; it was 'everything'
            ROLLBRIDGE_OIDC_ISSUER      | login.example  | ROLLBRIDGE_OIDC_ISSUER must be the issuer's URL, such as https://login.example.gov.uk/realms/la; it was 'login.example'
            ROLLBRIDGE_PSEUDONYM_KEY    | short-secret-key | ROLLBRIDGE_PSEUDONYM_KEY must be at least 32 characters (it was 16)
            ROLLBRIDGE_SHARING_SIGNING_SECRET | too-short | ROLLBRIDGE_SHARING_SIGNING_SECRET must be at least 32 characters (it was 9)
            ROLLBRIDGE_SHARING_CRON     | 0 0 4 * *      | ROLLBRIDGE_SHARING_CRON must be a Spring cron expression of six fields
            ROLLBRIDGE_SUPPRESSION_KEY  | secret         | ROLLBRIDGE_SUPPRESSION_KEY must be at least 32 characters (e.g. the output of 'openssl rand -hex 32'); it was 6
            """)
    void aValueTheHubCannotUseStopsItWithTheVariableNamed(String variable, String value, String message) {
        assertThatThrownBy(() -> HubApplication.start("--" + variable + "=" + value))
                .isInstanceOf(HubSettings.Refused.class).hasMessageContaining(message)
                .hasMessageContaining("docs/configuration.md").hasMessageNotContaining("secret");
    }

    @Test
    void withoutTheSuppressionKeyTheHubDoesNotStart() {
        assertThatThrownBy(() -> HubApplication.start("--ROLLBRIDGE_WORKERS=1"))
                .isInstanceOf(HubSettings.Refused.class)
                .hasMessageStartingWith("ROLLBRIDGE_SUPPRESSION_KEY is not set: it keys the hashes of erased people's "
                        + "identifiers");
        assertThat(new RightsSettings(KEY).toString()).doesNotContain(KEY);
    }

    @Test
    void withoutAnUploadKeyTheHubDoesNotStartAndSaysHowToMakeOne() throws Exception {
        assertThatThrownBy(() -> HubApplication.start("--ROLLBRIDGE_SUPPRESSION_KEY=" + KEY))
                .isInstanceOf(HubSettings.Refused.class)
                .hasMessageStartingWith("ROLLBRIDGE_UPLOAD_KEYS_FILE (or ROLLBRIDGE_UPLOAD_KEYS) is not set")
                .hasMessageContaining("openssl rand -base64 32").hasMessageContaining("outside ROLLBRIDGE_DATA_DIR");
        assertThatThrownBy(() -> HubApplication.start("--ROLLBRIDGE_SUPPRESSION_KEY=" + KEY,
                "--ROLLBRIDGE_DATA_DIR=" + earlier()))
                .isInstanceOf(HubSettings.Refused.class)
                .hasMessageContaining("This hub's earlier key is in " + earlier().resolve("upload.keys")
                        + ": move it outside ROLLBRIDGE_DATA_DIR");
        assertThat(new UploadSettings(Path.of("d"), 1, KEYS, null, 30, 200, 1, 1).toString()).doesNotContain(KEYS);
    }

    /** A data directory holding the key an earlier version made in it. */
    static Path earlier() throws java.io.IOException {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "rollbridge-earlier-key");
        java.nio.file.Files.createDirectories(dir);
        java.nio.file.Files.writeString(dir.resolve("upload.keys"), KEYS);
        return dir;
    }

    @Test
    void anIssuerWithoutAClientIdIsRefused() {
        assertThatThrownBy(() -> HubApplication.start("--ROLLBRIDGE_OIDC_ISSUER=https://login.example.gov.uk/la"))
                .isInstanceOf(HubSettings.Refused.class)
                .hasMessageContaining("ROLLBRIDGE_OIDC_ISSUER is set but ROLLBRIDGE_OIDC_CLIENT_ID is not");
    }

    @Test
    void aMisspeltArgumentIsRefusedWithTheSettingItProbablyMeant() {
        assertThatThrownBy(() -> HubApplication.start("--ROLLBRIDGE_WORKER=4"))
                .isInstanceOf(HubSettings.Refused.class)
                .hasMessageContaining("ROLLBRIDGE_WORKER is not a setting of the hub "
                        + "(did you mean ROLLBRIDGE_WORKERS?)");
    }

    @Test
    void aMisspeltEnvironmentVariableIsRefused() {
        SpringApplication hub = new SpringApplication(HubApplication.class);
        hub.setEnvironment(environment(Map.of("ROLLBRIDGE_NIGHTLY_CRONE", "-", "PATH", "/usr/bin")));
        hub.addListeners(new HubSettings());
        assertThatThrownBy(hub::run).isInstanceOf(HubSettings.Refused.class)
                .hasMessageContaining("ROLLBRIDGE_NIGHTLY_CRONE is not a setting of the hub "
                        + "(did you mean ROLLBRIDGE_NIGHTLY_CRON?): correct its name or unset it");
    }

    @Test
    void aVariableFarFromAnySettingIsRefusedWithoutAGuess() {
        assertThatThrownBy(() -> HubApplication.start("--ROLLBRIDGE_COLOUR_SCHEME=dark"))
                .isInstanceOf(HubSettings.Refused.class)
                .hasMessageStartingWith("ROLLBRIDGE_COLOUR_SCHEME is not a setting of the hub: correct its name");
    }

    @Test
    void theAgentsTheTestsAndTheBenchmarksVariablesAreNotMistakes() {
        // Accepted, so the start goes on to the next problem: the malformed worker count.
        assertThatThrownBy(() -> HubApplication.start("--ROLLBRIDGE_AGENT_HOME=/srv/agent",
                "--ROLLBRIDGE_JAVA_OPTS=-Xmx1g", "--ROLLBRIDGE_TEST_DB_USER=postgres",
                "--ROLLBRIDGE_BENCH_DB_SERVER=jdbc:postgresql://127.0.0.1:5432/", "--ROLLBRIDGE_WORKERS=many"))
                .isInstanceOf(HubSettings.Refused.class)
                .hasMessageStartingWith("ROLLBRIDGE_WORKERS must be a whole number; it was 'many'");
    }

    @Test
    void anUnsetVariableTakesItsDefaultAndAnEmptyOneCountsAsUnset() {
        List<Record> read = HubSettings.read(environment(Map.of("ROLLBRIDGE_ALERTS_AS_OF", " ",
                "ROLLBRIDGE_WORKERS", "", "ROLLBRIDGE_JOB_POLL_INTERVAL", "250ms", "ROLLBRIDGE_SUPPRESSION_KEY", KEY,
                "ROLLBRIDGE_UPLOAD_KEYS_FILE", "/etc/rollbridge/upload.keys")));
        assertThat(read).containsExactly(
                new HubProperties("926", 8080, "", AdminTokenScope.BOOTSTRAP, null, Duration.ofSeconds(30),
                        LogLevel.INFO),
                new DatabaseSettings("jdbc:postgresql://127.0.0.1:5432/rollbridge", "postgres", "", 12),
                new UploadSettings(Path.of("rollbridge-data"), 536_870_912L, "", Path.of("/etc/rollbridge/upload.keys"),
                        30, 200, 2_147_483_648L, 120),
                new JobSettings(2, Duration.ofSeconds(30), 5, Duration.ofMillis(250)),
                new SignInSettings(Duration.ofMinutes(20), true, null, "", "", 20),
                new VisibilitySettings(30),
                new AlertSettings(null),
                new NightlySettings("0 30 2 * * *", ZoneId.of("Europe/London")),
                new RetentionSettings(null, "0 30 3 * * *", 500, Duration.ofSeconds(2)),
                new NationalSettings(null),
                new DisclosureSettings(10),
                new SharingSettings(null, "0 0 4 * * *", Path.of("share"), ""),
                new ExportSettings("", null),
                new AccessReviewSettings(90),
                new ProxySettings("", null),
                new RightsSettings(KEY));
    }

    @Test
    void spellingsOfAGivenValueAreReadAsTheHubMeansThem() {
        List<Record> read = HubSettings.read(environment(Map.of("ROLLBRIDGE_ALERTS_AS_OF", "2024-12-20",
                "ROLLBRIDGE_NIGHTLY_CRON", "-", "ROLLBRIDGE_RULES_FILE", "/etc/rollbridge/rules.properties",
                "ROLLBRIDGE_LOG_LEVEL", "warn", "ROLLBRIDGE_OIDC_ISSUER", "https://login.example.gov.uk/la",
                "ROLLBRIDGE_OIDC_CLIENT_ID", "hub", "ROLLBRIDGE_SUPPRESSION_KEY", KEY,
                "ROLLBRIDGE_ADMIN_TOKEN_SCOPE", "full",
                "ROLLBRIDGE_TRUSTED_PROXIES", "10.0.0.5, 10.0.0.6", "ROLLBRIDGE_PUBLIC_URL",
                "https://rollbridge.example.gov.uk/")));
        assertThat(read).contains(new AlertSettings(LocalDate.of(2024, 12, 20)),
                new NightlySettings("-", ZoneId.of("Europe/London")),
                new SignInSettings(Duration.ofMinutes(20), true, URI.create("https://login.example.gov.uk/la"),
                        "hub", "", 20),
                new ProxySettings("10.0.0.5, 10.0.0.6", URI.create("https://rollbridge.example.gov.uk")));
        HubProperties hub = (HubProperties) read.getFirst();
        assertThat(hub.adminTokenScope()).isEqualTo(AdminTokenScope.FULL);
        ProxySettings proxies = read.stream().filter(ProxySettings.class::isInstance).map(ProxySettings.class::cast)
                .findFirst().orElseThrow();
        assertThat("10.0.0.6").matches(proxies.proxyPattern());
        assertThat("10.0.0.7").doesNotMatch(proxies.proxyPattern());
        assertThat("127.0.0.1").doesNotMatch(new ProxySettings("", null).proxyPattern());
        assertThat(hub.rulesFile()).isEqualTo(Path.of("/etc/rollbridge/rules.properties"));
        assertThat(hub.logLevel()).isEqualTo(LogLevel.WARN);
    }

    @Test
    void everySettingsRecordIsBoundAndEachOfItsComponentsNamesItsVariable() {
        List<Class<?>> annotated = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.rollbridge.hub").stream()
                .filter(c -> c.isAnnotatedWith(ConfigurationProperties.class))
                .<Class<?>>map(JavaClass::reflect).toList();
        assertThat(annotated).containsExactlyInAnyOrderElementsOf(HubSettings.RECORDS);
        for (Class<? extends Record> settings : HubSettings.RECORDS) {
            assertThat(settings.getRecordComponents()).as(settings.getSimpleName())
                    .allMatch(c -> c.isAnnotationPresent(Variable.class));
        }
    }

    /** An environment with only the given variables, as a hub started with nothing else set would see. */
    /** An environment of these variables, and an upload key unless they name one (the hub requires it). */
    static StandardEnvironment environment(Map<String, Object> given) {
        Map<String, Object> variables = new java.util.HashMap<>(given);
        if (!variables.containsKey("ROLLBRIDGE_UPLOAD_KEYS_FILE")) {
            variables.putIfAbsent("ROLLBRIDGE_UPLOAD_KEYS", KEYS);
        }
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        variables));
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        return environment;
    }
}
