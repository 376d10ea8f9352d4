package org.rollbridge.hub.exports;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.rollbridge.core.disclosure.PlanningPseudonyms;
import org.rollbridge.core.identity.Postcode;
import org.rollbridge.hub.ExportSettings;
import org.rollbridge.hub.Refusal;
import org.rollbridge.hub.attendance.PupilYearQuery;
import org.rollbridge.hub.audit.Actor;
import org.springframework.stereotype.Service;

/**
 * Pseudonymised pupil data for a planning purpose (docs/exports.md): each pupil under the purpose's own keyed
 * pseudonym, with month and year of birth and postcode district instead of the date and postcode, and their
 * measures; never a name, UPN, date of birth, postcode or the hub's person id. The file is a password-protected
 * XLSX made, shown and audited as every pupil-level export is ({@link PupilExports}).
 */
@Service
public class PlanningExports {

    public static final List<String> COLUMNS = List.of("Pseudonym", "Month of birth", "Postcode district",
            "School (LAESTAB)", "NC year", "Possible sessions", "Absence sessions", "Authorised absence sessions",
            "Unauthorised absence sessions", "Attendance %", "Persistently absent", "Severely absent",
            "Suspensions", "Permanent exclusions", "SEN provision", "Free school meals");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

    private final byte[] masterKey;
    private final PlanningPurposes purposes;
    private final PupilExports exports;

    public PlanningExports(ExportSettings settings, PlanningPurposes purposes, PupilExports exports) {
        this.masterKey = settings.pseudonymKey().getBytes(StandardCharsets.UTF_8);
        this.purposes = purposes;
        this.exports = exports;
    }

    /** Whether the LA has given the master key the pseudonyms need. */
    public boolean available() {
        return masterKey.length > 0;
    }

    /** The export for {@code purpose} of the pupils' years to {@code asOf}. */
    public PupilExports.Made export(Actor user, String purpose, LocalDate asOf, List<PupilYearQuery.PupilYear> pupils) {
        if (!available()) {
            throw new Refusal.Conflict("Planning exports are not set up: the LA's administrator must give the hub "
                    + "a master key for pseudonyms (ROLLBRIDGE_PSEUDONYM_KEY).");
        }
        PlanningPurposes.Purpose chosen = purposes.named(purpose).orElseThrow(() -> new Refusal.Invalid(
                "Choose one of the LA's planning purposes: '" + purpose + "' is not one of them."));
        PlanningPseudonyms pseudonyms = PlanningPseudonyms.forPurpose(masterKey, chosen.name());
        List<PupilExports.Line> lines = pupils.stream().map(p -> PupilExports.Line.ofPerson(p.personId(),
                line(pseudonyms.of(p.personId()), p))).toList();
        String what = "Planning purpose " + chosen.name() + ": academic year to " + asOf;
        return exports.export(user, PupilExports.Kind.PLANNING, what,
                chosen.name() + " (" + chosen.description() + ")", COLUMNS, lines);
    }

    /** One pupil's line: nothing that names them, only what planning needs. */
    static List<String> line(String pseudonym, PupilYearQuery.PupilYear p) {
        return List.of(pseudonym, p.dob() == null ? "" : MONTH.format(p.dob()),
                Postcode.parse(p.postcode()).map(Postcode::outward).orElse(""), p.laestab(),
                p.ncYear() == null ? "" : p.ncYear(), String.valueOf(p.possible()), String.valueOf(p.absent()),
                String.valueOf(p.authorised()), String.valueOf(p.unauthorised()),
                p.attendanceRate() == null ? "" : p.attendanceRate().toPlainString(), yesNo(p.persistent()),
                yesNo(p.severe()), String.valueOf(p.suspensions()), String.valueOf(p.permanentExclusions()),
                p.sen() == null ? "" : p.sen(), yesNo(p.fsm()));
    }

    static String yesNo(boolean flag) {
        return flag ? "Yes" : "No";
    }
}
