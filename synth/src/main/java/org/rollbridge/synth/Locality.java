package org.rollbridge.synth;

/** A place in the LA: its postcode district (outward code), post town and the place name schools are named after. */
public record Locality(String outward, String postTown, String place) {
}
