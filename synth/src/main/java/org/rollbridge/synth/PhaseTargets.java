package org.rollbridge.synth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

/**
 * The attendance figures the synthetic LA aims for, by phase: the LA's own published 2025/26 figures where DfE
 * publishes them (England's where it does not), as percentages of possible sessions. Severe absence is not in that
 * release; its targets come from DfE's 2023/24 national figures by phase. Pupil referral units are not in the release
 * either; their figures follow DfE's alternative provision statistics (about a third of sessions missed).
 */
public final class PhaseTargets {

    /** Percentages of possible sessions, and of pupils for {@code pa} and {@code sa}. */
    public record Rates(double absence, double illness, double appointments, double unauthHoliday, double unauthOther,
                        double unauthLate, double notYet, double religious, double excluded, double partTime,
                        double authOther, double pa, double sa, double late) {

        /** The part of absence made of whole days away (illness, unauthorised, other authorised). */
        double dayAbsence() {
            return absence - appointments - unauthHoliday - unauthLate - religious - partTime - excluded;
        }

        /** Of day absence, the share that is unauthorised. */
        double unauthorisedShareOfDays() {
            return (unauthOther + notYet) / dayAbsence();
        }
    }

    private final Map<RatePhase, Rates> rates;
    private final String source;

    private PhaseTargets(Map<RatePhase, Rates> rates, String source) {
        this.rates = rates;
        this.source = source;
    }

    public Rates of(RatePhase phase) {
        return rates.get(phase);
    }

    /** Where the figures came from: the LA code, or ENG when the LA has none published. */
    public String source() {
        return source;
    }

    public static PhaseTargets forLa(String la) {
        Map<String, Rates> la1 = new java.util.TreeMap<>();
        Map<String, Rates> eng = new java.util.TreeMap<>();
        try (InputStream in = PhaseTargets.class.getResourceAsStream("attendance-rates-2025-26.csv")) {
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.startsWith("la,")) {
                    continue;
                }
                String[] f = line.split(",");
                double[] v = new double[13];
                for (int i = 0; i < 13; i++) {
                    v[i] = Double.parseDouble(f[i + 2]);
                }
                String phase = f[1];
                double sa = switch (phase) {
                    case "PRIMARY" -> 1.0;
                    case "SECONDARY" -> 3.6;
                    case "SPECIAL" -> 5.5;
                    default -> 2.2;
                };
                Rates rates = new Rates(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11],
                        sa, v[12]);
                if (f[0].equals(la)) {
                    la1.put(phase, rates);
                } else if (f[0].equals("ENG")) {
                    eng.put(phase, rates);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean own = la1.containsKey("PRIMARY") && la1.containsKey("SECONDARY") && la1.containsKey("SPECIAL");
        Map<String, Rates> use = own ? la1 : eng;
        Map<RatePhase, Rates> m = new EnumMap<>(RatePhase.class);
        m.put(RatePhase.PRIMARY, use.get("PRIMARY"));
        m.put(RatePhase.NURSERY, use.get("PRIMARY"));
        m.put(RatePhase.SECONDARY, use.get("SECONDARY"));
        m.put(RatePhase.SPECIAL, use.get("SPECIAL"));
        m.put(RatePhase.PRU, new Rates(33.0, 6.0, 0.6, 0.3, 18.0, 1.2, 0.8, 0.0, 1.5, 3.0, 1.6, 78.0, 30.0, 2.0));
        return new PhaseTargets(m, own ? la : "ENG");
    }
}
