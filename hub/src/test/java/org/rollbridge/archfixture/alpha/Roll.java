package org.rollbridge.archfixture.alpha;

import org.rollbridge.archfixture.beta.Marks;

/** Breaks two boundaries on purpose: alpha and beta need each other, and alpha calls a page. */
public class Roll {

    public Marks marks() {
        return new Marks();
    }

    public String render() {
        return new org.rollbridge.archfixture.web.RollPage().title();
    }
}
