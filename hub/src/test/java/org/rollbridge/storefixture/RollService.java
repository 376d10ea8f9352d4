package org.rollbridge.storefixture;

/** A service that reads through a query class: what the store rule expects. */
public class RollService {

    private final RollQuery roll;

    public RollService(RollQuery roll) {
        this.roll = roll;
    }

    public int size() {
        return roll.schools().size();
    }
}
