package org.rollbridge.core.code;

import static org.rollbridge.core.code.AttendanceGroup.APPROVED_EDUCATIONAL_ACTIVITY;
import static org.rollbridge.core.code.AttendanceGroup.AUTHORISED_ABSENCE;
import static org.rollbridge.core.code.AttendanceGroup.NOT_POSSIBLE;
import static org.rollbridge.core.code.AttendanceGroup.PRESENT;
import static org.rollbridge.core.code.AttendanceGroup.UNAUTHORISED_ABSENCE;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * England's attendance codes: the set in force from August 2024 and the older codes still found in files.
 * Each code knows its group (possible session? absence? authorised?) and, if old, the current code it maps to.
 */
public enum AttendanceCode implements CodeList {
    PRESENT_AM("/", PRESENT, "Present (AM)"),
    PRESENT_PM("\\", PRESENT, "Present (PM)"),
    L("L", PRESENT, "Late, arrived before the register closed"),

    K("K", APPROVED_EDUCATIONAL_ACTIVITY, "Attending education provision arranged by the local authority"),
    V("V", APPROVED_EDUCATIONAL_ACTIVITY, "Attending an educational visit or trip"),
    P("P", APPROVED_EDUCATIONAL_ACTIVITY, "Participating in a sporting activity"),
    W("W", APPROVED_EDUCATIONAL_ACTIVITY, "Attending work experience"),
    B("B", APPROVED_EDUCATIONAL_ACTIVITY, "Attending any other approved educational activity"),

    C1("C1", AUTHORISED_ABSENCE, "Leave of absence for a regulated performance or employment abroad"),
    M("M", AUTHORISED_ABSENCE, "Medical or dental appointment"),
    J1("J1", AUTHORISED_ABSENCE, "Leave of absence for an interview"),
    S("S", AUTHORISED_ABSENCE, "Study leave"),
    T("T", AUTHORISED_ABSENCE, "Parent travelling for occupational purposes"),
    R("R", AUTHORISED_ABSENCE, "Religious observance"),
    I("I", AUTHORISED_ABSENCE, "Illness (not medical or dental appointment)"),
    E("E", AUTHORISED_ABSENCE, "Suspended or permanently excluded, no alternative provision made"),
    C2("C2", AUTHORISED_ABSENCE, "Leave of absence for a compulsory school age pupil subject to a part-time timetable"),
    C("C", AUTHORISED_ABSENCE, "Leave of absence for exceptional circumstances"),

    G("G", UNAUTHORISED_ABSENCE, "Holiday not granted by the school"),
    N("N", UNAUTHORISED_ABSENCE, "Reason for absence not yet established"),
    O("O", UNAUTHORISED_ABSENCE, "Absent in other or unknown circumstances"),
    U("U", UNAUTHORISED_ABSENCE, "Arrived in school after registration closed"),

    D("D", NOT_POSSIBLE, "Dual registered, at another school"),
    X("X", NOT_POSSIBLE, "Not required to be in school (non-compulsory school age)"),
    Z("Z", NOT_POSSIBLE, "Prospective pupil not on admission register"),
    CLOSED("#", NOT_POSSIBLE, "Planned whole or partial school closure"),
    Q("Q", NOT_POSSIBLE, "Unable to attend because of lack of access arrangements"),
    Y1("Y1", NOT_POSSIBLE, "Unable to attend: transport not available"),
    Y2("Y2", NOT_POSSIBLE, "Unable to attend: widespread disruption to travel"),
    Y3("Y3", NOT_POSSIBLE, "Unable to attend: part of school premises closed"),
    Y4("Y4", NOT_POSSIBLE, "Unable to attend: whole school site unexpectedly closed"),
    Y5("Y5", NOT_POSSIBLE, "Unable to attend: pupil in criminal justice detention"),
    Y6("Y6", NOT_POSSIBLE, "Unable to attend: public health guidance or law"),
    Y7("Y7", NOT_POSSIBLE, "Unable to attend: any other unavoidable cause"),

    /** Before August 2024: authorised holiday; no longer allowed. */
    H_LEGACY("H", AUTHORISED_ABSENCE, "Authorised family holiday (before August 2024)"),
    /** Before August 2024: interview, counted as an approved educational activity. */
    J_LEGACY("J", APPROVED_EDUCATIONAL_ACTIVITY, "At an interview (before August 2024)"),
    /** Before August 2024: unable to attend due to exceptional circumstances. */
    Y_LEGACY("Y", NOT_POSSIBLE, "Unable to attend due to exceptional circumstances (before August 2024)");

    /** The date the 2024 code set came into force; single-letter marks before it are read as the old set. */
    public static final LocalDate CODES_2024_FROM = LocalDate.of(2024, 8, 19);

    private static final Map<String, AttendanceCode> BY_CODE = new HashMap<>();

    /** Single ASCII characters, as every CTF mark is: the same answers as the map, without hashing a string. */
    private static final AttendanceCode[] BY_CHAR = new AttendanceCode[128];

    static {
        for (AttendanceCode c : values()) {
            BY_CODE.put(c.code, c);
        }
        for (char ch = 0; ch < BY_CHAR.length; ch++) {
            String s = String.valueOf(ch);
            AttendanceCode c = BY_CODE.get(s);
            BY_CHAR[ch] = c != null ? c : BY_CODE.get(s.toUpperCase(java.util.Locale.ROOT));
        }
    }

    private final String code;
    private final AttendanceGroup group;
    private final String description;

    AttendanceCode(String code, AttendanceGroup group, String description) {
        this.code = code;
        this.group = group;
        this.description = description;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String description() {
        return description;
    }

    public AttendanceGroup group() {
        return group;
    }

    public boolean possible() {
        return group.possible();
    }

    public boolean absence() {
        return group.absence();
    }

    public boolean authorisedAbsence() {
        return group == AUTHORISED_ABSENCE;
    }

    public boolean unauthorisedAbsence() {
        return group == UNAUTHORISED_ABSENCE;
    }

    /** Present in school or at an approved educational activity: what breaks an absence streak. */
    public boolean attendedOrApproved() {
        return group == PRESENT || group == APPROVED_EDUCATIONAL_ACTIVITY;
    }

    public boolean late() {
        return this == L || this == U;
    }

    @Override
    public boolean legacy() {
        return this == H_LEGACY || this == J_LEGACY || this == Y_LEGACY;
    }

    /** The current code an old code maps to, for trends; current codes map to themselves. */
    public AttendanceCode current() {
        return switch (this) {
            case H_LEGACY -> C;
            case J_LEGACY -> J1;
            case Y_LEGACY -> Y7;
            default -> this;
        };
    }

    /** Exact lookup of a full code as a session-level feed carries it ({@code "C2"}, {@code "/"}). */
    public static Optional<AttendanceCode> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        if (text.length() == 1 && text.charAt(0) < BY_CHAR.length) {
            return Optional.ofNullable(BY_CHAR[text.charAt(0)]);
        }
        String t = text.strip();
        AttendanceCode c = BY_CODE.get(t);
        if (c == null) {
            c = BY_CODE.get(t.toUpperCase(java.util.Locale.ROOT));
        }
        return Optional.ofNullable(c);
    }

    /**
     * Reads a mark as dated: a CTF marks string writes a two-character code as its first letter, so on or after
     * {@link #CODES_2024_FROM} {@code J} means J1 and {@code Y} one of Y1..Y7 (read as Y7); before it they are the
     * old codes. {@code C} stays C: C1, C2 and C are all authorised absence.
     */
    public static Optional<AttendanceCode> interpret(String text, LocalDate date) {
        Optional<AttendanceCode> parsed = parse(text);
        if (parsed.isPresent() && parsed.get().legacy() && date != null && !date.isBefore(CODES_2024_FROM)) {
            AttendanceCode c = parsed.get();
            if (c == J_LEGACY || c == Y_LEGACY) {
                return Optional.of(c.current());
            }
        }
        return parsed;
    }

    /** The single character a CTF marks string uses for this code. */
    public char ctfCharacter() {
        return code.charAt(0);
    }
}
