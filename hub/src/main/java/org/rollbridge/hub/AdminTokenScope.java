package org.rollbridge.hub;

/**
 * What the shared administrator token (ROLLBRIDGE_ADMIN_TOKEN) may do. Everything done with it is one actor, so
 * by default it only sets the hub up: it makes administrators' personal tokens and schools' credentials, and reads
 * the operations endpoints. FULL lets it do all an administrator may, for a hub not yet moved to personal tokens.
 */
public enum AdminTokenScope {
    BOOTSTRAP, FULL
}
