package org.rollbridge.archfixture;

/** The fixtures' settings reader: the one class the settings rule lets read the process's variables. */
public class HubSettings {

    public String la() {
        return System.getenv("ROLL_LA");
    }
}
