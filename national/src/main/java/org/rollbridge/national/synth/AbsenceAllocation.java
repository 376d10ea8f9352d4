package org.rollbridge.national.synth;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Shares a cell's absence sessions out among its pupils so that the total is exact and exactly the chosen pupils
 * are persistently absent: each of them misses at least 10% of their possible sessions, everyone else less. Within
 * those bounds absence follows each pupil's propensity, so a few pupils miss a great deal, as in real registers.
 */
final class AbsenceAllocation {

    private AbsenceAllocation() {
    }

    /**
     * @param possible   each pupil's possible sessions
     * @param propensity each pupil's weight (positive)
     * @param persistent which pupils are to be persistently absent
     * @param total      the absence sessions to share out
     * @return absence sessions per pupil (the total may be clamped when it cannot be met within the bounds)
     */
    static long[] allocate(int[] possible, double[] propensity, boolean[] persistent, long total) {
        int n = possible.length;
        long[] absent = new long[n];
        long[] room = new long[n];
        long floor = 0;
        for (int i = 0; i < n; i++) {
            long tenth = (possible[i] + 9) / 10;    // ceil(10%): the fewest sessions that make a pupil PA
            absent[i] = persistent[i] ? tenth : 0;
            room[i] = (persistent[i] ? possible[i] : Math.max(0, tenth - 1)) - absent[i];
            floor += absent[i];
        }
        long left = Math.max(0, total - floor);
        for (int pass = 0; pass < 50 && left > 0; pass++) {
            double weight = 0;
            for (int i = 0; i < n; i++) {
                weight += room[i] > 0 ? propensity[i] * possible[i] : 0;
            }
            if (weight == 0) {
                break;
            }
            long start = left;
            for (int i = 0; i < n && left > 0; i++) {
                if (room[i] > 0) {
                    long give = Math.min(Math.min(room[i], left),
                            (long) Math.floor(start * propensity[i] * possible[i] / weight));
                    absent[i] += give;
                    room[i] -= give;
                    left -= give;
                }
            }
            if (left == start) {
                break;
            }
        }
        Integer[] byPropensity = IntStream.range(0, n).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -propensity[i])).toArray(Integer[]::new);
        while (left > 0 && Arrays.stream(room).anyMatch(r -> r > 0)) {
            for (int i : byPropensity) {
                if (left > 0 && room[i] > 0) {
                    absent[i]++;
                    room[i]--;
                    left--;
                }
            }
        }
        return absent;
    }
}
