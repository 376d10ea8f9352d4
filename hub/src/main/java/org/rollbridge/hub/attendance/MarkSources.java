package org.rollbridge.hub.attendance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Which batch sent each mark of a pupil-year ({@link YearMarks}): one character per session, an index into the
 * list of batches, {@link YearMarks#NONE} where nothing is stored. A year has at most 732 sessions, so after
 * {@link #compacted()} the list never holds more batches than that and every index is one character.
 */
public final class MarkSources {

    private static final char FIRST = '0';
    private char[] sources;
    private final List<UUID> batches;

    private MarkSources(char[] sources, List<UUID> batches) {
        this.sources = sources;
        this.batches = batches;
    }

    /**
     * The stored sources of a row, or, for a row stored before sources were kept ({@code sources} null), every
     * stored mark as the row's last batch's.
     */
    public static MarkSources of(String sources, UUID[] batches, String marks, UUID rowBatch) {
        if (sources != null && batches != null) {
            return new MarkSources(sources.toCharArray(), new ArrayList<>(Arrays.asList(batches)));
        }
        char[] chars = new char[marks == null ? 0 : marks.length()];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = marks.charAt(i) == YearMarks.NONE ? YearMarks.NONE : FIRST;
        }
        return new MarkSources(chars, new ArrayList<>(rowBatch == null ? List.of() : List.of(rowBatch)));
    }

    /** Records that {@code batch} sent the mark at {@code position}. */
    public void sent(int position, UUID batch) {
        int index = batches.indexOf(batch);
        if (index < 0) {
            index = batches.size();
            batches.add(batch);
        }
        if (position >= sources.length) {
            int from = sources.length;
            sources = Arrays.copyOf(sources, position + 1);
            Arrays.fill(sources, from, sources.length, YearMarks.NONE);
        }
        sources[position] = (char) (FIRST + index);
    }

    /** Records that the mark at {@code position} was removed: no batch sent what is (not) there now. */
    public void removed(int position) {
        if (position < sources.length) {
            sources[position] = YearMarks.NONE;
        }
    }

    public Optional<UUID> batchAt(int position) {
        char[] chars = sources;
        if (position >= chars.length || chars[position] == YearMarks.NONE) {
            return Optional.empty();
        }
        return Optional.of(batches.get(chars[position] - FIRST));
    }

    /** The same sources with the batches no mark names any more dropped, so the list stays short. */
    public MarkSources compacted() {
        char[] chars = sources;
        int[] renumbered = new int[batches.size()];
        Arrays.fill(renumbered, -1);
        List<UUID> kept = new ArrayList<>();
        char[] out = new char[chars.length];
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] == YearMarks.NONE) {
                out[i] = YearMarks.NONE;
                continue;
            }
            int old = chars[i] - FIRST;
            if (renumbered[old] < 0) {
                renumbered[old] = kept.size();
                kept.add(batches.get(old));
            }
            out[i] = (char) (FIRST + renumbered[old]);
        }
        return new MarkSources(out, kept);
    }

    public String text() {
        return new String(sources);
    }

    /** The batches as a PostgreSQL array literal, for COPY. */
    public String batchesLiteral() {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < batches.size(); i++) {
            b.append(i == 0 ? "" : ",").append(batches.get(i));
        }
        return b.append('}').toString();
    }
}
