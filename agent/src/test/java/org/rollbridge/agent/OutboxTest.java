package org.rollbridge.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxTest {

    @TempDir
    Path dir;

    Outbox outbox() {
        return new Outbox(dir.resolve("outbox"), dir.resolve("quarantine"));
    }

    static byte[] csv(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void batchesComeBackInTheOrderTheyWereMadeWithTheirContent() throws Exception {
        Outbox outbox = outbox();
        outbox.add("b-1", Feed.ATTENDANCE, "a.csv", 1, csv("h\n1\n"));
        Thread.sleep(2);
        outbox.add("b-2", Feed.EXCLUSIONS, "e.csv", 2, csv("h\n2\n"));

        var batches = new Outbox(dir.resolve("outbox"), dir.resolve("quarantine")).list().batches();

        assertThat(batches).extracting(OutboxBatch::id).containsExactly("b-1", "b-2");
        assertThat(batches.get(1).kind()).isEqualTo(Feed.EXCLUSIONS);
        assertThat(batches.get(1).records()).isEqualTo(2);
        try (InputStream in = batches.get(1).openContent()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("h\n2\n");
        }
        try (InputStream in = new GZIPInputStream(batches.get(0).openBody())) {
            assertThat(in.readAllBytes()).isEqualTo(csv("h\n1\n"));
        }
    }

    @Test
    void theSameIdIsOneBatch() throws Exception {
        Outbox outbox = outbox();
        outbox.add("b-1", Feed.ATTENDANCE, "a.csv", 1, csv("h\n1\n"));
        outbox.add("b-1", Feed.ATTENDANCE, "a.csv", 1, csv("h\n1\n"));

        assertThat(outbox.list().batches()).hasSize(1);
    }

    @Test
    void aFlippedByteIsDetectedAndTheFileQuarantinedWithWhy() throws Exception {
        Outbox outbox = outbox();
        OutboxBatch b = outbox.add("b-1", Feed.ATTENDANCE, "a.csv", 1, csv("h\n1\n".repeat(100)));
        outbox.add("b-2", Feed.ATTENDANCE, "a.csv", 1, csv("h\n2\n"));
        try (RandomAccessFile f = new RandomAccessFile(b.file().toFile(), "rw")) {
            f.seek(f.length() - 3);
            int x = f.read();
            f.seek(f.length() - 3);
            f.write(x ^ 0x40);
        }

        Outbox.Contents contents = outbox.list();

        assertThat(contents.batches()).extracting(OutboxBatch::id).containsExactly("b-2");
        assertThat(contents.quarantined()).singleElement().satisfies(q -> {
            assertThat(q.why()).contains("checksum");
            assertThat(q.file()).exists();
        });
        assertThat(dir.resolve("quarantine").resolve(b.file().getFileName() + ".why.txt")).exists();
        assertThat(outbox.quarantinedCount()).isEqualTo(1);
    }

    @Test
    void aTruncatedFileAndGarbageAreQuarantinedAndLeftoverTemporaryFilesRemoved() throws Exception {
        Outbox outbox = outbox();
        OutboxBatch b = outbox.add("b-1", Feed.ATTENDANCE, "a.csv", 1, csv("h\n1\n".repeat(100)));
        byte[] whole = Files.readAllBytes(b.file());
        Files.write(b.file(), java.util.Arrays.copyOf(whole, whole.length - 10));
        Files.write(dir.resolve("outbox").resolve("0000000000001-junk.batch"), csv("not a batch"));
        Path tmp = Files.write(dir.resolve("outbox").resolve("x.batch.123.tmp"), csv("half"));

        Outbox.Contents contents = outbox.list();

        assertThat(contents.batches()).isEmpty();
        assertThat(contents.quarantined()).hasSize(2);
        assertThat(contents.quarantined()).anySatisfy(q -> assertThat(q.why()).contains("bytes where the header says"));
        assertThat(tmp).doesNotExist();
    }

    @Test
    void anAcknowledgedBatchLeavesTheOutbox() throws Exception {
        Outbox outbox = outbox();
        OutboxBatch b = outbox.add("b-1", Feed.CTF, "roll.xml", 1, csv("<CTfile/>"));
        outbox.acknowledged(b);
        assertThat(outbox.list().batches()).isEmpty();
        assertThat(b.file()).doesNotExist();
    }

    @Test
    void theCredentialIsReadableByItsOwnerOnly() throws Exception {
        AgentHome home = new AgentHome(dir.resolve("home"));
        home.save(new AgentHome.Config("https://hub.example", "9262001", dir.resolve("drop").toString()),
                new AgentHome.Credential("rbk_x", "rbsec_y"));

        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.credentialFile())))
                    .isEqualTo("rw-------");
        }
        assertThat(home.credential().secret()).isEqualTo("rbsec_y");
        assertThat(home.credential().toString()).doesNotContain("rbsec_y");
        assertThat(dir.resolve("drop")).isDirectory();
    }

    @Test
    void theHubMustBeHttpsExceptOnThisMachine() {
        assertThat(HubAddress.parse("https://hub.example.gov.uk/").toString()).isEqualTo("https://hub.example.gov.uk");
        assertThat(HubAddress.parse("http://127.0.0.1:8080").toString()).isEqualTo("http://127.0.0.1:8080");
        assertThat(HubAddress.parse("http://localhost:1").getHost()).isEqualTo("localhost");
        assertThat(HubAddress.parse("http://[::1]:8080").getPort()).isEqualTo(8080);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> HubAddress.parse("http://hub.example.gov.uk"))
                .hasMessageContaining("HTTPS");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> HubAddress.parse("ftp://hub.example.gov.uk"))
                .hasMessageContaining("https://");
    }

    @Test
    void backoffGrowsWithJitterUpToItsCap() {
        Backoff b = new Backoff(java.time.Duration.ofMillis(100), java.time.Duration.ofMillis(1000), 3);
        for (int i = 0; i < 50; i++) {
            assertThat(b.delayBefore(0).toMillis()).isBetween(50L, 100L);
            assertThat(b.delayBefore(2).toMillis()).isBetween(200L, 400L);
            assertThat(b.delayBefore(20).toMillis()).isBetween(500L, 1000L);
        }
        assertThat(b.another(2)).isTrue();
        assertThat(b.another(3)).isFalse();
    }
}
