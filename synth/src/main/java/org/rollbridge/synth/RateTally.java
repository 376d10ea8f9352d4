package org.rollbridge.synth;

import java.util.EnumMap;
import java.util.Map;

/**
 * Achieved attendance by phase, DfE's way: absence and its authorised and unauthorised parts as shares of possible
 * sessions; persistent (10%+) and severe (50%+) absence as shares of pupils with at least 20 possible sessions.
 */
public final class RateTally {

    /** Sessions and pupils counted for one phase. */
    public static final class Counts {
        long possible;
        long absent;
        long authorised;
        long unauthorised;
        int pupils;
        int persistent;
        int severe;

        public double absenceRate() {
            return possible == 0 ? 0 : 100.0 * absent / possible;
        }

        public double authorisedRate() {
            return possible == 0 ? 0 : 100.0 * authorised / possible;
        }

        public double unauthorisedRate() {
            return possible == 0 ? 0 : 100.0 * unauthorised / possible;
        }

        public double persistentRate() {
            return pupils == 0 ? 0 : 100.0 * persistent / pupils;
        }

        public double severeRate() {
            return pupils == 0 ? 0 : 100.0 * severe / pupils;
        }

        public int pupils() {
            return pupils;
        }

        public long possible() {
            return possible;
        }

        void add(Counts o) {
            possible += o.possible;
            absent += o.absent;
            authorised += o.authorised;
            unauthorised += o.unauthorised;
            pupils += o.pupils;
            persistent += o.persistent;
            severe += o.severe;
        }
    }

    private final Map<RatePhase, Counts> byPhase = new EnumMap<>(RatePhase.class);

    void addPupil(RatePhase phase, int possible, int absent, int authorised, int unauthorised) {
        Counts c = byPhase.computeIfAbsent(phase, p -> new Counts());
        c.possible += possible;
        c.absent += absent;
        c.authorised += authorised;
        c.unauthorised += unauthorised;
        if (possible >= 20) {
            c.pupils++;
            if (absent * 10 >= possible) {
                c.persistent++;
            }
            if (absent * 2 >= possible) {
                c.severe++;
            }
        }
    }

    void add(RateTally other) {
        other.byPhase.forEach((p, c) -> byPhase.computeIfAbsent(p, x -> new Counts()).add(c));
    }

    public Map<RatePhase, Counts> byPhase() {
        return byPhase;
    }

    /** Primary, secondary and special together: DfE's state-funded total. */
    public Counts total() {
        Counts t = new Counts();
        byPhase.forEach((p, c) -> {
            if (p.inDfeTotal()) {
                t.add(c);
            }
        });
        return t;
    }
}
