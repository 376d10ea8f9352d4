package org.rollbridge.core.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * One generated case of a {@link SeededCases} test: everything the case draws comes from this seed, so the seed
 * alone reproduces it. Sizes lean towards their bounds (empty lists, longest strings), where defects gather.
 */
public final class Seed {

    private final long value;
    private final SplittableRandom random;

    public Seed(long value) {
        this.value = value;
        this.random = new SplittableRandom(value);
    }

    public long value() {
        return value;
    }

    /** The case's source of randomness, for code under test that draws its own. */
    public SplittableRandom random() {
        return random;
    }

    /** A whole number from {@code min} to {@code max}, both included. */
    public int between(int min, int max) {
        return random.nextInt(min, max + 1);
    }

    public long anyLong() {
        return random.nextLong();
    }

    /** True with the given probability. */
    public boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    /** A size from {@code min} to {@code max}: one time in ten the least, one in ten the most. */
    public int size(int min, int max) {
        int roll = random.nextInt(10);
        return roll == 0 ? min : roll == 1 ? max : between(min, max);
    }

    @SafeVarargs
    public final <T> T pick(T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    public <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    /** Null with the given probability, otherwise a drawn value. */
    public <T> T orNull(double nullProbability, Supplier<T> value) {
        return chance(nullProbability) ? null : value.get();
    }

    public <T> List<T> list(int min, int max, Supplier<T> element) {
        int n = size(min, max);
        List<T> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(element.get());
        }
        return out;
    }

    /** A string of {@code min} to {@code max} characters (code points) drawn from {@code alphabet}. */
    public String string(String alphabet, int min, int max) {
        int[] points = alphabet.codePoints().toArray();
        int n = size(min, max);
        StringBuilder out = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            out.appendCodePoint(points[random.nextInt(points.length)]);
        }
        return out.toString();
    }

    public byte[] bytes(int min, int max) {
        byte[] out = new byte[size(min, max)];
        random.nextBytes(out);
        return out;
    }

    /** The characters from {@code first} to {@code last}, both included, as an alphabet for {@link #string}. */
    public static String range(char first, char last) {
        StringBuilder chars = new StringBuilder();
        for (char c = first; c <= last; c++) {
            chars.append(c);
        }
        return chars.toString();
    }

    @Override
    public String toString() {
        return "seed " + value;
    }
}
