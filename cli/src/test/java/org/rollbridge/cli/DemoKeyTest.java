package org.rollbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoKeyTest {

    @TempDir
    Path folder;

    @Test
    void theDemosSuppressionKeyIsMadeOnceAtRandomKeptOwnerOnlyAndReadBackOnTheNextRun() throws Exception {
        Path file = folder.resolve("suppression.key");

        String first = DemoCommand.keptKey(file);

        assertThat(first).matches("[0-9a-f]{64}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(DemoCommand.keptKey(file)).isEqualTo(first);
        assertThat(DemoCommand.keptKey(folder.resolve("another.key"))).isNotEqualTo(first);
    }

    @Test
    void theDemosUploadKeysAreMadeOnceAtRandomKeptOwnerOnlyAndReadByTheHub() throws Exception {
        Path file = folder.resolve("upload.keys");

        String path = DemoCommand.keptRing(file);
        String ring = Files.readString(file);

        assertThat(path).isEqualTo(file.toAbsolutePath().toString());
        assertThat(ring).matches("k1:[A-Za-z0-9+/]{43}=\\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        org.rollbridge.hub.ingest.UploadKeys.parse(ring, path);
        DemoCommand.keptRing(file);
        assertThat(Files.readString(file)).isEqualTo(ring);
    }
}
