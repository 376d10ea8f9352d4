package org.rollbridge.core.testing;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.support.AnnotationConsumer;
import org.junit.jupiter.params.support.ParameterDeclarations;

/** The seeds of a {@link SeededCases} test: new ones each run, or the one given to replay. */
final class SeededCasesSource implements ArgumentsProvider, AnnotationConsumer<SeededCases> {

    private int cases;

    @Override
    public void accept(SeededCases annotation) {
        cases = annotation.value();
    }

    @Override
    public Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters, ExtensionContext context) {
        String replay = System.getProperty(SeededCases.REPLAY_PROPERTY);
        if (replay != null && !replay.isBlank()) {
            return Stream.of(Arguments.of(new Seed(Long.parseLong(replay.strip()))));
        }
        SplittableRandom seeds = new SplittableRandom();
        return Stream.generate(() -> Arguments.of(new Seed(seeds.nextLong()))).limit(cases);
    }
}
