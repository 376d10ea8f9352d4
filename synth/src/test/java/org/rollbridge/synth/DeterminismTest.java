package org.rollbridge.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeterminismTest {

    private static final Settings SMALL = Settings.small(3).withSize(4, 600);

    @Test
    void sameSettingsGiveByteIdenticalFilesWhateverTheThreadCount(@TempDir Path a, @TempDir Path b) throws IOException {
        SyntheticLa.generate(SMALL, a, (d, t) -> { }, 1);
        SyntheticLa.generate(SMALL, b, (d, t) -> { }, 3);
        List<Path> filesA = files(a);
        assertThat(filesA).hasSizeGreaterThan(15);
        assertThat(filesA.stream().map(a::relativize).toList()).isEqualTo(files(b).stream().map(b::relativize).toList());
        for (Path f : filesA) {
            assertThat(Files.mismatch(f, b.resolve(a.relativize(f)))).as(a.relativize(f).toString()).isEqualTo(-1L);
        }
    }

    @Test
    void anotherSeedGivesAnotherLa(@TempDir Path a, @TempDir Path b) throws IOException {
        SyntheticLa.generate(SMALL, a, (d, t) -> { }, 2);
        SyntheticLa.generate(SMALL.withSeed(4), b, (d, t) -> { }, 2);
        assertThat(Files.mismatch(a.resolve("la/register.csv"), b.resolve("la/register.csv"))).isNotEqualTo(-1L);
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
