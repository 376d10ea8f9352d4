package org.rollbridge.core.pupil;

/** Looked-after (in care) status and the LA responsible for the care. */
public record LookedAfter(Boolean inCare, String careAuthority) {
}
