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
}
