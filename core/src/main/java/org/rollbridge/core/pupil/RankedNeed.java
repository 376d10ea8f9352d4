package org.rollbridge.core.pupil;

import org.rollbridge.core.code.Coded;
import org.rollbridge.core.code.SenNeed;

/** A type of special educational need with its rank (1 = primary need). */
public record RankedNeed(Coded<SenNeed> need, Integer rank) {

    public RankedNeed {
        need = need == null ? Coded.absent() : need;
    }
}
