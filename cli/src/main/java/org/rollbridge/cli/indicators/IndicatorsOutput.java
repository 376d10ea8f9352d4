package org.rollbridge.cli.indicators;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.rollbridge.core.indicators.PupilAttendance;
import org.rollbridge.core.indicators.PupilReport;
import org.rollbridge.core.indicators.ReportSummary;
import org.rollbridge.core.indicators.alerts.AlertId;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/** Writes an indicators report as the public JSON or CSV contract (field names and order fixed). */
final class IndicatorsOutput {

    static final List<String> PUPIL_FIELDS = List.of("upn", "laestab", "possibleSessions", "attendedSessions",
            "aeaSessions", "authorisedSessions", "unauthorisedSessions", "absenceRate", "persistentAbsence",
            "severeAbsence", "absenceBand", "currentAbsenceStreakDays", "longestAbsenceStreakDays",
            "currentUnauthorisedStreakDays", "reducedTimetable", "illnessDays", "alerts");

    private IndicatorsOutput() {
    }

    static void json(LocalDate asOf, List<PupilReport> reports, Writer out) {
        // The caller owns the writer (standard output): finishing the JSON must not close it.
        JsonMapper mapper = JsonMapper.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();
        try (JsonGenerator g = mapper.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringProperty("asOf", asOf.toString());
            g.writeArrayPropertyStart("pupils");
            for (PupilReport r : reports) {
                PupilAttendance a = r.attendance();
                g.writeStartObject();
                g.writeStringProperty("upn", r.key().upn());
                g.writeStringProperty("laestab", r.key().laestab());
                g.writeNumberProperty("possibleSessions", a.possibleSessions());
                g.writeNumberProperty("attendedSessions", a.attendedSessions());
                g.writeNumberProperty("aeaSessions", a.aeaSessions());
                g.writeNumberProperty("authorisedSessions", a.authorisedSessions());
                g.writeNumberProperty("unauthorisedSessions", a.unauthorisedSessions());
                rate(g, "absenceRate", a.absenceRate());
                g.writeBooleanProperty("persistentAbsence", a.persistentAbsence());
                g.writeBooleanProperty("severeAbsence", a.severeAbsence());
                g.writeStringProperty("absenceBand", a.absenceBand());
                g.writeNumberProperty("currentAbsenceStreakDays", a.currentAbsenceStreak().days());
                g.writeNumberProperty("longestAbsenceStreakDays", a.longestAbsenceStreak().days());
                g.writeNumberProperty("currentUnauthorisedStreakDays", a.currentUnauthorisedStreak().days());
                g.writeBooleanProperty("reducedTimetable", a.reducedTimetable());
                g.writeName("illnessDays");
                g.writeNumber(new BigDecimal(illnessDays(a)));
                g.writeArrayPropertyStart("alerts");
                for (AlertId id : r.alertIds()) {
                    g.writeString(id.name());
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            ReportSummary s = ReportSummary.of(reports);
            g.writeObjectPropertyStart("summary");
            g.writeNumberProperty("pupils", s.pupils());
            rate(g, "absenceRate", s.absenceRate());
            rate(g, "persistentAbsenceRate", s.persistentAbsenceRate());
            rate(g, "severeAbsenceRate", s.severeAbsenceRate());
            g.writeEndObject();
            g.writeEndObject();
        }
    }

    private static void rate(JsonGenerator g, String name, BigDecimal rate) {
        if (rate == null) {
            g.writeNullProperty(name);
        } else {
            g.writeNumberProperty(name, rate);
        }
    }

    /** Whole days without a decimal point, half days as {@code 7.5}. */
    static String illnessDays(PupilAttendance a) {
        int sessions = a.illnessSessionsInYear();
        return sessions % 2 == 0 ? Integer.toString(sessions / 2) : sessions / 2 + ".5";
    }

    static void csv(List<PupilReport> reports, Writer out) throws IOException {
        CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get());
        p.printRecord(PUPIL_FIELDS);
        for (PupilReport r : reports) {
            PupilAttendance a = r.attendance();
            List<Object> row = new ArrayList<>(PUPIL_FIELDS.size());
            row.add(r.key().upn());
            row.add(r.key().laestab());
            row.add(a.possibleSessions());
            row.add(a.attendedSessions());
            row.add(a.aeaSessions());
            row.add(a.authorisedSessions());
            row.add(a.unauthorisedSessions());
            row.add(a.absenceRate() == null ? "" : a.absenceRate().toPlainString());
            row.add(a.persistentAbsence());
            row.add(a.severeAbsence());
            row.add(a.absenceBand() == null ? "" : a.absenceBand());
            row.add(a.currentAbsenceStreak().days());
            row.add(a.longestAbsenceStreak().days());
            row.add(a.currentUnauthorisedStreak().days());
            row.add(a.reducedTimetable());
            row.add(illnessDays(a));
            row.add(String.join(";", r.alertIds().stream().map(Enum::name).toList()));
            p.printRecord(row);
        }
        p.flush();
    }
}
