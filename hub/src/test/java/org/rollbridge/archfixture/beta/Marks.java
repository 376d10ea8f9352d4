package org.rollbridge.archfixture.beta;

import org.rollbridge.archfixture.alpha.Roll;

/** Needs alpha, which needs beta: a cycle. */
public class Marks {

    public Roll roll() {
        return new Roll();
    }
}
