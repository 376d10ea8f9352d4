package org.rollbridge.agent;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.rollbridge.hub.HubApplication;
import org.rollbridge.hub.ingest.PipelineProbe;
import org.rollbridge.hub.testing.RunningHub;
import org.rollbridge.hub.testing.TestDatabase;
import org.springframework.context.annotation.Bean;

/**
 * The hub in a process of its own on a fixed port, so that a test can kill it with SIGKILL (kill -9) and start it
 * again over the same database and data folder. Started with a step, it stops its first batch after that step of
 * the pipeline (writing the batch id to a file the test waits for) and waits there to be killed.
 */
final class HubProcess implements AutoCloseable {

    static final String HALT_AFTER = "rollbridge.test.haltAfter";
    static final String HALTED_FILE = "rollbridge.test.haltedFile";

    private final Process process;
    private final Path halted;

    private HubProcess(Process process, Path halted) {
        this.process = process;
        this.halted = halted;
    }

    public static void main(String[] args) {
        HubApplication.start(System.getProperty(HALT_AFTER) == null ? new Class<?>[0]
                : new Class<?>[] {HaltAfterStep.class}, args);
    }

    /** A plain bean class (not a scanned configuration): only a hub started with it halts. */
    static class HaltAfterStep {
        @Bean
        PipelineProbe haltAfterStep() {
            PipelineProbe.Step at = PipelineProbe.Step.valueOf(System.getProperty(HALT_AFTER));
            return (step, batchId) -> {
                if (step == at) {
                    halt(batchId);
                }
            };
        }

        private static synchronized void halt(UUID batchId) {
            try {
                Files.writeString(Path.of(System.getProperty(HALTED_FILE)), batchId.toString());
                Thread.sleep(Long.MAX_VALUE);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException("halted", e);
            }
        }
    }

    /** A free loopback port for the hub, kept across its restarts so that the agent's address stays the same. */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /**
     * Starts the hub on {@code port} over the database and data folder, halting after {@code haltAfter} (null: never),
     * and waits until it answers its health probe. Its output goes to a log in {@code dataDir}.
     */
    static HubProcess start(TestDatabase database, Path dataDir, int port, PipelineProbe.Step haltAfter)
            throws Exception {
        Path halted = dataDir.resolve("halted-" + System.nanoTime());
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), "-D" + HALTED_FILE + "=" + halted));
        if (haltAfter != null) {
            command.add("-D" + HALT_AFTER + "=" + haltAfter.name());
        }
        command.add(HubProcess.class.getName());
        command.addAll(List.of(RunningHub.arguments(database, dataDir, "--ROLLBRIDGE_PORT=" + port)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("hub-" + System.nanoTime() + ".log").toFile()).start();
        HubProcess hub = new HubProcess(process, halted);
        try {
            hub.awaitHealthy(port);
        } catch (Exception | AssertionError e) {
            hub.close();
            throw e;
        }
        return hub;
    }

    private void awaitHealthy(int port) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).build();
        // A generous wait, not a measure: a hub starting on a loaded build machine can take minutes.
        long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the hub process ended with exit code " + process.exitValue());
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the hub process did not answer its health probe within 15 minutes");
    }

    /** Waits until the hub has halted after its step, and returns the batch it halted on. */
    String awaitHalted() throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!Files.exists(halted) || Files.size(halted) == 0) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                throw new IllegalStateException("the hub did not halt after its step");
            }
            Thread.sleep(50);
        }
        return Files.readString(halted);
    }

    /** kill -9: the process ends at once, its open transactions never committed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the hub process did not end");
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
