package org.rollbridge.archfixture.web;

/** A page. */
public class RollPage {

    public String title() {
        return "Roll";
    }
}
