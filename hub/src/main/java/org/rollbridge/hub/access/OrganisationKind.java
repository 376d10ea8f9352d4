package org.rollbridge.hub.access;

/** The kinds of organisation whose staff use the hub. */
public enum OrganisationKind {
    DFE, LA, TRUST, SCHOOL
}
