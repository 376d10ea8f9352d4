package org.rollbridge.core.pupil;

/** A telephone number with its CTF type (H home, W work, M mobile, ...). */
public record Phone(String type, String number) {
}
