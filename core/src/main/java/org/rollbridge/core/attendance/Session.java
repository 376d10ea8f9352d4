package org.rollbridge.core.attendance;

/** A school day has two registration sessions. */
public enum Session {
    AM, PM
}
