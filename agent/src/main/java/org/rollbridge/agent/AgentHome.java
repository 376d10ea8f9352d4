package org.rollbridge.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The agent's own folder: its settings, its credential (owner-only), the outbox, the quarantine, the record of
 * what the hub acknowledged, and the status shown by {@code agent status}. Default ~/.rollbridge-agent, or
 * ROLLBRIDGE_AGENT_HOME.
 */
public final class AgentHome {

    static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private final Path root;

    public AgentHome(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** --home when given, else ROLLBRIDGE_AGENT_HOME, else ~/.rollbridge-agent. */
    public static AgentHome locate(Path option) {
        if (option != null) {
            return new AgentHome(option);
        }
        String env = System.getenv("ROLLBRIDGE_AGENT_HOME");
        if (env != null && !env.isBlank()) {
            return new AgentHome(Path.of(env));
        }
        return new AgentHome(Path.of(System.getProperty("user.home"), ".rollbridge-agent"));
    }

    /** What {@code agent init} records. */
    public record Config(String hub, String laestab, String dropFolder) {
    }

    /** The school's credential from enrolment: its id, and the secret requests are signed with. */
    public record Credential(String credentialId, String secret) {
        @Override
        public String toString() {
            return "Credential[" + credentialId + "]";
        }
    }

    public Path root() {
        return root;
    }

    public Path outbox() {
        return root.resolve("outbox");
    }

    public Path quarantine() {
        return root.resolve("quarantine");
    }

    public Path ledgers() {
        return root.resolve("state");
    }

    public Path statusFile() {
        return root.resolve("status.json");
    }

    public Path log() {
        return root.resolve("agent.log");
    }

    Path configFile() {
        return root.resolve("config.json");
    }

    Path credentialFile() {
        return root.resolve("credential.json");
    }

    public boolean initialised() {
        return Files.exists(configFile()) && Files.exists(credentialFile());
    }

    public void save(Config config, Credential credential) throws IOException {
        Files.createDirectories(root);
        DurableFiles.ownerOnly(root);
        DurableFiles.writePrivate(credentialFile(), JSON.writeValueAsBytes(credential));
        DurableFiles.write(configFile(), JSON.writeValueAsBytes(config));
        Files.createDirectories(Path.of(config.dropFolder()));
    }

    public Config config() throws IOException {
        return read(configFile(), Config.class);
    }

    public Credential credential() throws IOException {
        return read(credentialFile(), Credential.class);
    }

    public Path dropFolder() throws IOException {
        return Path.of(config().dropFolder());
    }

    private <T> T read(Path file, Class<T> type) throws IOException {
        try {
            return JSON.readValue(Files.readAllBytes(file), type);
        } catch (NoSuchFileException e) {
            throw new NotInitialised(root);
        } catch (JacksonException e) {
            throw new IOException(file + " is damaged (" + e.getOriginalMessage() + "); run 'rollbridge agent init' "
                    + "again with a new enrolment code from the LA", e);
        }
    }

    /** The agent has not been set up in this home. */
    public static final class NotInitialised extends IOException {
        NotInitialised(Path root) {
            super("The agent is not set up in " + root + ": run 'rollbridge agent init --hub URL --school LAESTAB "
                    + "--enrol-code CODE' first (or give --home / ROLLBRIDGE_AGENT_HOME)");
        }
    }
}
