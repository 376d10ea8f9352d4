package org.rollbridge.core.validation;

import static org.rollbridge.core.validation.Severity.ERROR;
import static org.rollbridge.core.validation.Severity.WARNING;

/**
 * The validation rule catalogue: every rule's identifier (part of the public contract), default severity, the
 * field it looks at, a one-line explanation, the message a finding carries and how a school fixes it in its MIS.
 * The documentation ({@code docs/validation-rules.md}) is rendered from this list; an LA changes severities with
 * {@link RuleSettings}. Messages use {@code {0}}, {@code {1}}... for the values a check supplies.
 */
public enum Rule {

    // ---- Files that cannot be read at all (exit code 2) ----
    FILE_UNREADABLE(Scope.UNREADABLE, ERROR, "file",
            "The file could not be opened or read.",
            "{0}",
            "Check the path and that the export finished writing; export the file again from your MIS."),
    FILE_KIND_UNKNOWN(Scope.UNREADABLE, ERROR, "file",
            "The file is neither a Common Transfer File nor an attendance or exclusions CSV.",
            "{0}",
            "Send the CTF XML your MIS exports, or the attendance or exclusions CSV with the header row the "
                    + "LA's file formats page lists."),
    FILE_TOO_LARGE(Scope.UNREADABLE, ERROR, "file",
            "The file is larger than Rollbridge accepts in one piece.",
            "{0}",
            "Export the file in smaller parts (for example one per year group) or ask the LA to raise the limit."),
    XML_MALFORMED(Scope.UNREADABLE, ERROR, "file",
            "The CTF is not well-formed XML (broken tags, bad characters or a cut-off file).",
            "{0}",
            "Export the CTF again from your MIS and send the file unchanged; do not edit it by hand."),
    XML_DTD_FORBIDDEN(Scope.UNREADABLE, ERROR, "file",
            "The CTF declares a DTD or entities, which Rollbridge never processes for safety.",
            "The file contains a document type declaration (DOCTYPE); files with one are refused for safety.",
            "Export the CTF again from your MIS; a genuine CTF has no DOCTYPE line. Tell the LA if it keeps "
                    + "appearing."),

    // ---- The file as a whole ----
    CTF_HEADER_MISSING(Scope.FILE, ERROR, "Header",
            "The CTF has no Header, so the LA cannot tell who sent it or when.",
            "{0}",
            "Export a complete CTF from your MIS (it always writes the Header); do not cut the file."),
    CTF_VERSION_UNKNOWN(Scope.FILE, WARNING, "CTFversion",
            "The CTF version is not one Rollbridge knows (16 to 25); it is read as the nearest version.",
            "CTF version {0} is not one of the versions Rollbridge knows (16 to 25).",
            "Update your MIS, or choose the current CTF version in its export options."),
    CTF_SCHOOL_MISMATCH(Scope.FILE, ERROR, "SourceSchool",
            "The CTF does not name a valid sending school, or the pupils' current attendance is from another school.",
            "{0}",
            "Check the school's LA number and establishment number in your MIS school details, then export again."),
    CSV_HEADER(Scope.FILE, ERROR, "header",
            "A required column is missing from the CSV header row, so the file cannot be checked further.",
            "The header row has no {0} column{1}.",
            "Export the file with every required column the LA's file formats page lists, with a header row."),
    CSV_FIELD_COUNT(Scope.RECORD, ERROR, "row",
            "A CSV row has a different number of fields than the header row.",
            "This row has {0} fields but the header row has {1}.",
            "Quote values that contain commas (your MIS's CSV export does this), and export the file again."),
    CSV_QUOTING(Scope.FILE, ERROR, "row",
            "A quoted field is never closed, so the rest of the file cannot be read.",
            "A quoted field starting on or after this line is never closed; the rest of the file was not read.",
            "Export the file again from your MIS; do not edit it in a spreadsheet or text editor."),
    CSV_ENCODING(Scope.FILE, ERROR, "file",
            "The CSV is not UTF-8 text (often a file saved as Latin-1 or Windows-1252), so its names and other text "
                    + "would arrive garbled.",
            "This line has bytes that are not UTF-8 text, from byte {0} of the file; the file was not read further.",
            "Export the file from your MIS as UTF-8 (\"CSV UTF-8\" when saving from a spreadsheet), and do not "
                    + "save it again in another program."),
    CSV_CONTROL_CHARACTER(Scope.RECORD, ERROR, "row",
            "A field holds an invisible control character (such as NUL), which no value in these files may hold.",
            "The {0} field holds the invisible control character {1} at character {2}: \"{3}\".",
            "Retype the value in your MIS (the character cannot be seen; it often comes from text pasted from another "
                    + "program), then export the file again."),
    LAESTAB_MISMATCH(Scope.RECORD, ERROR, "laestab",
            "A row names a different school, or no valid LA and establishment number.",
            "The school on this row, {0}, {1}.",
            "Each file must come from one school: check the LAESTAB in your MIS school details and export again."),

    // ---- Identifiers ----
    UPN_MISSING(Scope.RECORD, ERROR, "UPN",
            "The pupil has no unique pupil number.",
            "The pupil has no UPN.",
            "Record the pupil's UPN in your MIS; if the pupil has none yet, generate a temporary UPN and replace "
                    + "it when the permanent one arrives."),
    UPN_FORMAT(Scope.RECORD, ERROR, "UPN",
            "The UPN is not 13 characters: a letter, eleven digits, and a digit or letter.",
            "UPN {0} is not in the UPN format (a letter, eleven digits, then a digit or letter; no I, O or S).",
            "Correct the UPN in the pupil's record in your MIS; copy it from the CTF of the previous school or "
                    + "the Key to Success site, not by retyping."),
    UPN_CHECK_LETTER(Scope.RECORD, ERROR, "UPN",
            "The UPN's first letter does not match the check letter its other characters give: a typing error.",
            "UPN {0} has check letter {1} but its digits give {2}: one of its characters is wrong.",
            "Correct the UPN in the pupil's record in your MIS; copy it from the previous school's CTF or the "
                    + "Key to Success site."),
    UPN_TEMPORARY(Scope.RECORD, WARNING, "UPN",
            "The UPN is temporary (ends in a letter) and must be replaced by the pupil's permanent UPN.",
            "UPN {0} is a temporary UPN.",
            "Find the pupil's permanent UPN (previous school's CTF, the Key to Success site or the LA) and "
                    + "record it in your MIS, keeping the temporary one as a former UPN."),
    UPN_DUPLICATE(Scope.RECORD, ERROR, "UPN",
            "Two pupil records carry the same UPN (a dual-registered pupil in two schools' files is not a duplicate).",
            "UPN {0} is also used by the pupil at {1}.",
            "Two records in your MIS share this UPN: merge them if they are the same child, or correct the UPN "
                    + "of the one it does not belong to."),
    FORMER_UPN_INVALID(Scope.RECORD, WARNING, "FormerUPN",
            "A former UPN is not a valid UPN, so it cannot be used to find the pupil's earlier records.",
            "Former UPN {0} is not a valid UPN ({1}).",
            "Correct or remove the former UPN in the pupil's record in your MIS."),
    ULN_INVALID(Scope.RECORD, ERROR, "UniqueLearnerNumber",
            "The unique learner number is not ten digits with a correct check digit.",
            "ULN {0} is not a valid unique learner number.",
            "Correct the ULN in your MIS from the Learning Records Service, or leave it blank if unknown."),

    // ---- Names ----
    NAME_MISSING(Scope.RECORD, ERROR, "Surname/Forename",
            "The pupil's legal surname or forename is missing.",
            "The pupil has no {0}.",
            "Enter the pupil's legal surname and forename in your MIS, as on the birth certificate or passport."),
    NAME_WHITESPACE(Scope.RECORD, ERROR, "Surname/Forename",
            "A name has leading, trailing or doubled spaces, which break matching with the LA's records.",
            "The {0} \"{1}\" has {2}.",
            "Retype the name in your MIS without the extra spaces."),
    NAME_CHARACTERS(Scope.RECORD, ERROR, "Surname/Forename",
            "A name contains characters a name cannot have (digits, symbols or control characters).",
            "The {0} \"{1}\" contains {2}.",
            "Correct the name in your MIS: letters, spaces, hyphens, apostrophes and full stops only."),

    // ---- Date of birth and year group ----
    DOB_MISSING(Scope.RECORD, ERROR, "DOB",
            "The pupil has no date of birth.",
            "The pupil has no date of birth.",
            "Enter the pupil's date of birth in your MIS from the birth certificate or passport."),
    DOB_INVALID(Scope.RECORD, ERROR, "DOB",
            "The date of birth is not a real date.",
            "Date of birth {0} is not a real date.",
            "Correct the date of birth in your MIS (day, month and year)."),
    DOB_IMPLAUSIBLE(Scope.RECORD, ERROR, "DOB",
            "The date of birth makes the pupil under 2 or over 25 on the file date.",
            "Date of birth {0} makes the pupil {1} on {2}; a pupil is between 2 and 25.",
            "Check the date of birth in your MIS; a swapped day and month or a wrong year is the usual cause."),
    DOB_YEAR_GROUP_MISMATCH(Scope.RECORD, WARNING, "NCyearActual",
            "The year group is not the one expected from the date of birth.",
            "Year group {0} is not the year expected from date of birth {1} (expected {2}).",
            "Check the date of birth and year group in your MIS; if the pupil is deliberately taught out of "
                    + "year group, no change is needed."),

    // ---- Coded fields ----
    SEX_INVALID(Scope.RECORD, ERROR, "Sex",
            "Sex is missing or not a code on the list (M, F).",
            "{0}",
            "Record the pupil's sex in your MIS as M or F."),
    ETHNICITY_CODE(Scope.RECORD, ERROR, "Ethnicity",
            "The ethnicity is not one of the DfE main ethnicity codes.",
            "Ethnicity {0} is not a DfE main ethnicity code.",
            "Choose the ethnicity in your MIS from the DfE list (use REFU if the parent refused, NOBT if not "
                    + "yet obtained)."),
    SEN_PROVISION_CODE(Scope.RECORD, ERROR, "SENprovision",
            "The SEN provision is not a current code (E, K, N).",
            "SEN provision {0} {1}.",
            "Set the pupil's SEN provision in your MIS to E (EHC plan), K (SEN support) or N."),
    SEN_NEED_CODE(Scope.RECORD, ERROR, "NeedType",
            "The type of SEN need is not on the DfE list, or its rank is missing.",
            "SEN need {0} {1}.",
            "Choose the need type in your MIS from the DfE list and rank the primary need 1."),
    NC_YEAR_CODE(Scope.RECORD, ERROR, "NCyearActual",
            "The national curriculum year is missing or not a code on the list (E1 .. R, 1 .. 14, X).",
            "{0}",
            "Set the pupil's year group (NC year actual) in your MIS."),
    ENROL_STATUS_CODE(Scope.RECORD, ERROR, "EnrolStatus",
            "The enrolment status is missing or not one of C, M, S, G, P.",
            "{0}",
            "Set the pupil's enrolment status in your MIS (C single registration, M main dual, S subsidiary dual, "
                    + "G guest, P previous)."),
    POSTCODE_MISSING(Scope.RECORD, ERROR, "PostCode",
            "The pupil's home address has no postcode.",
            "The pupil's home address has no postcode.",
            "Enter the postcode of the pupil's home address in your MIS."),
    POSTCODE_FORMAT(Scope.RECORD, ERROR, "PostCode",
            "The postcode is not a valid UK postcode.",
            "Postcode {0} is not a valid UK postcode.",
            "Correct the postcode in your MIS (Royal Mail's postcode finder gives the right one)."),

    // ---- Dates on roll ----
    DATE_INVALID(Scope.RECORD, ERROR, "date",
            "A date (admission, leaving, FSM, SEN, attendance or exclusion) is not a real date.",
            "The {0} {1} is not a real date.",
            "Correct the date in your MIS (day, month and year)."),
    ADMISSION_DATE_MISSING(Scope.RECORD, WARNING, "EntryDate",
            "The pupil has no admission date, so the LA cannot tell when they joined the roll.",
            "The pupil has no admission date.",
            "Enter the date the pupil was admitted (first day on roll) in the pupil's registration details."),
    ADMISSION_DATE_FUTURE(Scope.RECORD, WARNING, "EntryDate",
            "The admission date is after the file date: the pupil is not on roll yet.",
            "Admission date {0} is after the file date {1}.",
            "Check the admission date in your MIS; pupils admitted for a later date are sent once they start."),
    LEAVING_BEFORE_ADMISSION(Scope.RECORD, ERROR, "LeavingDate",
            "The leaving date is before the admission date.",
            "Leaving date {0} is before admission date {1}.",
            "Correct the admission or leaving date in the pupil's registration details."),

    // ---- Contacts ----
    CONTACT_MISSING(Scope.RECORD, WARNING, "Contacts",
            "The pupil has no contacts, so nobody can be reached about attendance or safety.",
            "The pupil has no contacts.",
            "Record at least one contact with parental responsibility in your MIS."),
    CONTACT_NO_PARENTAL_RESPONSIBILITY(Scope.RECORD, WARNING, "Responsibility",
            "None of the pupil's contacts has parental responsibility; the LA keeps only those who do.",
            "None of the pupil's {0} contact(s) is marked as having parental responsibility.",
            "Mark the contacts with parental responsibility in your MIS, or add one."),

    // ---- Attendance ----
    ATTENDANCE_CODE_UNKNOWN(Scope.RECORD, ERROR, "code",
            "An attendance mark is not a code on England's list.",
            "Attendance code \"{0}\" on {1}{2} is not an attendance code.",
            "Correct the mark in the register in your MIS; use N if the reason is not yet known."),
    ATTENDANCE_CODE_LEGACY(Scope.RECORD, WARNING, "code",
            "A pre-August 2024 attendance code (H, J, Y) is used on or after 19 August 2024.",
            "Attendance code \"{0}\" on {1}{2} was withdrawn in August 2024 (now {3}).",
            "Change the mark in the register to the current code (H to G or C, J to J1, Y to Y1..Y7)."),
    ATTENDANCE_MARKS_LENGTH(Scope.RECORD, ERROR, "AttendanceMarks",
            "The session marks do not fit their dates: no start date, an odd number of sessions, or marks beyond "
                    + "the academic year.",
            "{0}",
            "Export the attendance again from your MIS; if it persists, report the fault to your MIS supplier."),
    ATTENDANCE_SUMMARY_MISMATCH(Scope.RECORD, WARNING, "Sessions",
            "The attendance summary counts disagree with the counts from the session marks.",
            "{0} is {1} but the session marks give {2}.",
            "Recalculate attendance in your MIS (or re-export): summary and marks should come from the same "
                    + "register."),
    ATTENDANCE_DATE_OUTSIDE_ROLL(Scope.RECORD, WARNING, "AttendanceMarks",
            "The pupil has attendance marks before their admission date or after their leaving date.",
            "{0} session mark(s) from {1} to {2} fall {3}.",
            "Check the admission and leaving dates, or mark those sessions Z (not on roll) in the register."),
    ATTENDANCE_DUPLICATE_SESSION(Scope.RECORD, ERROR, "session",
            "The same pupil has two marks for one session.",
            "A second mark for {0} {1} (first on line {2}).",
            "Export the attendance again; the register should hold one mark per pupil per session."),
    ATTENDANCE_SESSION(Scope.RECORD, ERROR, "session",
            "The session is neither AM nor PM.",
            "Session \"{0}\" is neither AM nor PM.",
            "Export the attendance with the session column as AM or PM."),
    ATTENDANCE_DATE(Scope.RECORD, ERROR, "date",
            "The date of an attendance mark is missing or not a real date.",
            "The date of this mark, \"{0}\", is not a real date.",
            "Export the attendance again with ISO dates (YYYY-MM-DD)."),

    // ---- Exclusions ----
    EXCLUSION_CODE(Scope.RECORD, ERROR, "category",
            "The exclusion category is missing or not SUSP, PERM or LNCH.",
            "{0}",
            "Record the exclusion in your MIS as a suspension, permanent exclusion or lunchtime suspension."),
    EXCLUSION_REASON_CODE(Scope.RECORD, ERROR, "reason",
            "The exclusion reason is missing or not a DfE reason code.",
            "{0}",
            "Choose the reason for the exclusion in your MIS from the DfE list."),
    EXCLUSION_DATES(Scope.RECORD, ERROR, "start_date/end_date",
            "The exclusion's dates are missing, impossible or out of order.",
            "{0}",
            "Correct the start and end dates of the exclusion in your MIS (a suspension has both; a permanent "
                    + "exclusion has a start date)."),
    EXCLUSION_SESSIONS(Scope.RECORD, ERROR, "sessions",
            "The number of sessions of a suspension is missing, not a whole number, or more than its dates allow.",
            "{0}",
            "Record the number of sessions missed in the suspension's details in your MIS.");

    /** How far a finding reaches: the record it is on, the whole file, or the file could not be read. */
    public enum Scope {
        RECORD, FILE, UNREADABLE
    }

    private final Scope scope;
    private final Severity defaultSeverity;
    private final String field;
    private final String explanation;
    private final String message;
    private final String fix;
    private volatile String[] compiled;

    Rule(Scope scope, Severity defaultSeverity, String field, String explanation, String message, String fix) {
        this.scope = scope;
        this.defaultSeverity = defaultSeverity;
        this.field = field;
        this.explanation = explanation;
        this.message = message;
        this.fix = fix;
    }

    public String id() {
        return name();
    }

    public Scope scope() {
        return scope;
    }

    public Severity defaultSeverity() {
        return defaultSeverity;
    }

    /**
     * Why an LA cannot change this rule's severity, or null when it can: a file that cannot be read is always
     * refused, and a value holding a control character can be neither shown nor stored (PostgreSQL refuses a NUL).
     */
    public String fixedBecause() {
        if (scope == Scope.UNREADABLE) {
            return "a file that cannot be read is always refused";
        }
        return this == CSV_CONTROL_CHARACTER ? "a value holding a control character cannot be stored, so its row is "
                + "always held back" : null;
    }

    /** The field the rule looks at, as the CTF or CSV names it. */
    public String field() {
        return field;
    }

    public String explanation() {
        return explanation;
    }

    /** The message template, {@code {0}}... standing for the values a finding supplies. */
    public String messageTemplate() {
        return message;
    }

    /** How to fix it in the school's MIS. */
    public String fix() {
        return fix;
    }

    /** The message with its placeholders filled in one pass (a value that looks like a placeholder stays as is). */
    public String message(Object... args) {
        String[] parts = template();
        StringBuilder out = new StringBuilder(message.length() + 48);
        for (int i = 0; i < parts.length; i++) {
            if (i % 2 == 0) {
                out.append(parts[i]);
            } else {
                int n = Integer.parseInt(parts[i]);
                out.append(n < args.length ? String.valueOf(args[n]) : "");
            }
        }
        return out.toString();
    }

    /** The template split into text (even indexes) and placeholder numbers (odd), computed once. */
    private String[] template() {
        String[] parts = compiled;
        if (parts == null) {
            java.util.List<String> list = new java.util.ArrayList<>();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{(\\d+)}").matcher(message);
            int from = 0;
            while (m.find()) {
                list.add(message.substring(from, m.start()));
                list.add(m.group(1));
                from = m.end();
            }
            list.add(message.substring(from));
            parts = list.toArray(String[]::new);
            compiled = parts;
        }
        return parts;
    }
}
