package org.rollbridge.synth;

import java.util.Optional;
import org.rollbridge.core.code.AttendanceCode;

/**
 * Register marks as small numbers, so a school's marks fit in a byte array per pupil: 0 is "no mark" (not on roll),
 * 1.. the 2024 codes, and a few codes no MIS should send, used only for injected errors.
 */
final class Mark {

    static final byte NONE = 0;
    static final String[] CODES = {"", "/", "\\", "L", "K", "V", "P", "W", "B", "C1", "M", "J1", "S", "T", "R", "I",
            "E", "C2", "C", "G", "N", "O", "U", "D", "X", "Z", "#", "Q", "Y1", "Y2", "Y3", "Y4", "Y5", "Y6", "Y7",
            "A", "F", "*"};
    static final byte AM = 1, PM = 2, L = 3, K = 4, V = 5, P = 6, W = 7, B = 8, C1 = 9, M = 10, J1 = 11, S = 12,
            T = 13, R = 14, I = 15, E = 16, C2 = 17, C = 18, G = 19, N = 20, O = 21, U = 22, D = 23, X = 24, Z = 25,
            CLOSED = 26, Q = 27, Y1 = 28, Y2 = 29, Y3 = 30, Y4 = 31, Y5 = 32, Y6 = 33, Y7 = 34;
    /** First of the invalid codes. */
    static final byte INVALID = 35;

    private static final AttendanceCode[] CODE = new AttendanceCode[CODES.length];

    static {
        for (int i = 1; i < CODES.length; i++) {
            Optional<AttendanceCode> c = AttendanceCode.parse(CODES[i]);
            CODE[i] = i >= INVALID ? null : c.orElseThrow();
        }
    }

    private Mark() {
    }

    static byte of(String code) {
        for (byte i = 1; i < CODES.length; i++) {
            if (CODES[i].equals(code)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no such mark: " + code);
    }

    /** The code, or null for an invalid (injected) mark. */
    static AttendanceCode code(byte m) {
        return CODE[m];
    }

    static boolean possible(byte m) {
        return CODE[m] != null && CODE[m].possible();
    }

    static boolean absence(byte m) {
        return CODE[m] != null && CODE[m].absence();
    }

    static boolean unauthorised(byte m) {
        return CODE[m] != null && CODE[m].unauthorisedAbsence();
    }

    static boolean attendedOrApproved(byte m) {
        return CODE[m] != null && CODE[m].attendedOrApproved();
    }
}
