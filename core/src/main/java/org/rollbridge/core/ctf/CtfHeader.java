package org.rollbridge.core.ctf;

/**
 * The header of a Common Transfer File. {@code qualifier} is {@code full} (the school's whole roll) or
 * {@code partial}; the source school's LA and establishment number identify who sent it.
 */
public record CtfHeader(String documentName, String version, String dateTime, String qualifier,
                        String supplierId, String sourceLea, String sourceEstab, String sourceUrn,
                        String sourceSchoolName, String academicYear, String destLea, String destEstab) {

    public boolean full() {
        return "full".equalsIgnoreCase(qualifier == null ? null : qualifier.strip());
    }
}
