package org.rollbridge.synth;

/** The phases attendance is calibrated and reported by (DfE's, plus nursery and pupil referral units). */
public enum RatePhase {
    NURSERY, PRIMARY, SECONDARY, SPECIAL, PRU;

    /** DfE's state-funded total covers primary, secondary and special schools. */
    boolean inDfeTotal() {
        return this == PRIMARY || this == SECONDARY || this == SPECIAL;
    }
}
