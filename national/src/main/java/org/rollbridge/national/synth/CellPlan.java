package org.rollbridge.national.synth;

/**
 * How many pupils one LA and phase gets, how many of them join too late to count for persistent absence, and how
 * many are persistently absent, chosen so that the persistent absence rate lands as close to the published rate as
 * whole pupils allow. With a few hundred pupils any size works; a small cell searches a little above its share.
 *
 * @param pupils             pupils in the cell
 * @param lateJoiners        pupils who join in the last school days, with fewer than the DfE's minimum sessions
 * @param persistentlyAbsent reportable pupils who will miss at least 10% of their sessions
 */
public record CellPlan(int pupils, int lateJoiners, int persistentlyAbsent) {

    /** The fewest pupils a cell gets, so that its rates are not at the mercy of one child. */
    public static final int FLOOR = 60;

    public int reportable() {
        return pupils - lateJoiners;
    }

    /** The plan for a share of {@code share} pupils and a published PA rate in percent. */
    public static CellPlan fit(int share, double paPercent, boolean lateJoinersPossible) {
        double p = paPercent / 100;
        int n0 = Math.max(FLOOR, share);
        CellPlan best = null;
        double bestError = Double.MAX_VALUE;
        for (int n = n0; n <= n0 + n0 / 5 + 20; n++) {
            int maxLate = lateJoinersPossible ? n / 10 : 0;
            for (int j = 0; j <= maxLate; j++) {
                int r = n - j;
                int k = (int) Math.round(p * r);
                double error = Math.abs((double) k / r - p);
                if (error < bestError - 1e-12) {
                    best = new CellPlan(n, j, k);
                    bestError = error;
                }
            }
            if (bestError < 0.0002) {
                break;
            }
        }
        return best;
    }
}
