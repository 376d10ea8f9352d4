package org.rollbridge.synth;

/** A multi-academy trust (or a single-academy trust). */
public record Trust(String id, String name) {
}
