package org.rollbridge.synth;

import java.time.LocalDate;
import java.util.List;

/** Religious festivals on school days for which families of some faiths ask for leave (code R). */
final class Festivals {

    private static final List<LocalDate> EID = List.of(LocalDate.of(2024, 4, 10), LocalDate.of(2024, 6, 17),
            LocalDate.of(2025, 3, 31), LocalDate.of(2025, 6, 6), LocalDate.of(2026, 3, 20), LocalDate.of(2026, 5, 27),
            LocalDate.of(2027, 3, 10), LocalDate.of(2027, 5, 17));
    private static final List<LocalDate> DIWALI = List.of(LocalDate.of(2024, 11, 1), LocalDate.of(2025, 10, 20),
            LocalDate.of(2026, 11, 9), LocalDate.of(2027, 10, 29));
    private static final List<LocalDate> LUNAR_NEW_YEAR = List.of(LocalDate.of(2025, 1, 29),
            LocalDate.of(2026, 2, 17), LocalDate.of(2027, 2, 6));

    private Festivals() {
    }

    static boolean observed(Origin origin, LocalDate d) {
        return switch (origin) {
            case PAKISTANI, BANGLADESHI, SOMALI, ARAB, TURKISH -> EID.contains(d);
            case INDIAN -> DIWALI.contains(d);
            case CHINESE -> LUNAR_NEW_YEAR.contains(d);
            default -> false;
        };
    }
}
