package org.rollbridge.national.spark;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;
import org.rollbridge.core.code.AttendanceCode;

/**
 * Core's attendance codes as a Spark map from {@code era|CODE} to the code's ordinal, for the codes that count as a
 * possible session; anything else (not possible, or not a code) looks up nothing. Built from
 * {@link AttendanceCode#interpret}, so a {@code J} before August 2024 is the old interview code and after it J1,
 * exactly as core reads it.
 */
final class CodeMap {

    static final String NEW = "2024";
    static final String OLD = "old";

    private CodeMap() {
    }

    static Column lookup(Column code, Column date) {
        Column era = functions.when(date.geq(functions.lit(java.sql.Date.valueOf(AttendanceCode.CODES_2024_FROM))),
                functions.lit(NEW)).otherwise(functions.lit(OLD));
        Column key = functions.concat(era, functions.lit("|"), functions.upper(functions.trim(code)));
        return functions.element_at(map(), key);
    }

    private static Column map() {
        List<Column> kv = new ArrayList<>();
        LocalDate before = AttendanceCode.CODES_2024_FROM.minusDays(1);
        for (AttendanceCode c : AttendanceCode.values()) {
            String text = c.code().toUpperCase(Locale.ROOT);
            add(kv, NEW + "|" + text, AttendanceCode.interpret(text, AttendanceCode.CODES_2024_FROM));
            add(kv, OLD + "|" + text, AttendanceCode.interpret(text, before));
        }
        return functions.map(kv.toArray(Column[]::new));
    }

    private static void add(List<Column> kv, String key, Optional<AttendanceCode> code) {
        if (code.isPresent() && code.get().possible()) {
            kv.add(functions.lit(key));
            kv.add(functions.lit(code.get().ordinal()));
        }
    }
}
