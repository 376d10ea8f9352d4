package org.rollbridge.hub.testing;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/** Builds an attendance CSV as a school's MIS would export it (docs/formats.md). */
public final class AttendanceCsv {

    private final StringBuilder text = new StringBuilder("laestab,upn,date,session,code\n");

    public AttendanceCsv mark(String laestab, String upn, LocalDate date, String session, String code) {
        text.append(laestab).append(',').append(upn).append(',').append(date).append(',').append(session)
                .append(',').append(code.contains(",") || code.contains("\"") ? '"' + code.replace("\"", "\"\"") + '"' : code)
                .append('\n');
        return this;
    }

    /** Both sessions of each school day (Monday to Friday) from {@code from} for {@code days} days, with one code. */
    public AttendanceCsv days(String laestab, String upn, LocalDate from, int days, String amCode, String pmCode) {
        for (LocalDate d = from; !d.isAfter(from.plusDays(days - 1)); d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() <= 5) {
                mark(laestab, upn, d, "AM", amCode);
                mark(laestab, upn, d, "PM", pmCode);
            }
        }
        return this;
    }

    public AttendanceCsv raw(String line) {
        text.append(line).append('\n');
        return this;
    }

    public byte[] bytes() {
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
