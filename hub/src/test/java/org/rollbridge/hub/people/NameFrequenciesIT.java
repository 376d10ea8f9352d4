package org.rollbridge.hub.people;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rollbridge.core.matching.NameKey;
import org.rollbridge.hub.testing.HubTest;
import org.rollbridge.hub.testing.RegisteredPerson;
import org.rollbridge.hub.testing.RunningHub;

/**
 * The name frequencies the cascade weighs names by are kept between batches, but never past a change of the
 * register: neither a person added or renamed, nor the tables emptied under the running hub (as
 * {@link RunningHub#reset()} does between test classes), may leave matching with another register's counts.
 */
@HubTest
class NameFrequenciesIT {

    static RunningHub hub;

    private static int surnames(String surname) {
        return hub.bean(CascadeMatching.class).frequencies().surnames().count(NameKey.of(surname));
    }

    @Test
    void anEmptiedRegisterIsCountedAfreshNotReadFromTheKeptCounts() {
        for (int i = 0; i < 3; i++) {
            RegisteredPerson.withRegisterId("freq-q" + i).named("Ottilie", "Quennell").in(hub);
        }
        assertThat(surnames("Quennell")).isEqualTo(3);

        hub.reset();
        assertThat(surnames("Quennell")).as("counted again after the tables were emptied").isZero();
        RegisteredPerson.withRegisterId("freq-q9").named("Ottilie", "Quennell").in(hub);
        assertThat(surnames("Quennell")).isEqualTo(1);
    }

    @Test
    void aPersonAddedOrRenamedIsCountedAtTheNextMatch() {
        RegisteredPerson.withRegisterId("freq-v1").named("Wystan", "Vellacott").in(hub);
        assertThat(surnames("Vellacott")).isEqualTo(1);
        RegisteredPerson.withRegisterId("freq-v2").named("Wystan", "Vellacott").in(hub);
        assertThat(surnames("Vellacott")).isEqualTo(2);

        RegisteredPerson.withRegisterId("freq-v2").named("Wystan", "Tregarthen").in(hub);
        assertThat(surnames("Vellacott")).isEqualTo(1);
        assertThat(surnames("Tregarthen")).isEqualTo(1);
    }
}
