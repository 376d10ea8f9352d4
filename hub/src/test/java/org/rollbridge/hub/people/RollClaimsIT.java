package org.rollbridge.hub.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rollbridge.hub.testing.CtfFixture.upn;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rollbridge.hub.testing.CtfFixture;
import org.rollbridge.hub.testing.HubTest;
import org.rollbridge.hub.testing.RegisteredPerson;
import org.rollbridge.hub.testing.RunningHub;
import org.rollbridge.hub.testing.School;

/** A school cannot enrol a pupil on another school's roll: the LA confirms the move first. */
@HubTest
class RollClaimsIT {

    static RunningHub hub;

    private long openSpells(long person, String laestab) {
        return hub.db().sql("select count(*) from enrolments where person_id = ? and laestab = ? and to_date is null")
                .params(person, laestab).query(Long.class).single();
    }

    /** A person the LA knows, on the school's roll by its full CTF. */
    private static long onRoll(School school, String pupil) throws Exception {
        long person = RegisteredPerson.withUpn(pupil).named("Pat", "Pupil").in(hub);
        school.completed("roll-1", CtfFixture.full(school.laestab()).add(pupil));
        return person;
    }

    /**
     * Single (C) or main (M): a record that says either, of a pupil single-registered at another school, is a move
     * the LA confirms.
     */
    @ParameterizedTest
    @ValueSource(strings = {"C", "M"})
    void aPupilOnAnotherSchoolsRollIsHeldAsATransferUntilTheLaConfirms(String status) throws Exception {
        School owner = hub.school(status.equals("C") ? "9265001" : "9265007");
        School claimant = hub.school(status.equals("C") ? "9265002" : "9265008");
        String pupil = upn(owner.laestab(), 1);
        long person = onRoll(owner, pupil);

        claimant.completed("claim-1", CtfFixture.partial(claimant.laestab()).add(enrolled(pupil, status)));

        assertThat(openSpells(person, claimant.laestab())).isZero();
        assertThat(openSpells(person, owner.laestab())).isEqualTo(1);
        assertThat(hub.db().sql("select reason || ': ' || detail from held_records where laestab = ? and upn = ?")
                .params(claimant.laestab(), pupil).query(String.class).single())
                .isEqualTo("TRANSFER: held: the LA is confirming this pupil's move");
        assertThat(hub.db().sql("""
                select count(*) from review_queue q join held_records h on h.id = q.held_record_id
                where h.laestab = ? and q.candidate_person_id = ? and q.status = 'open'""")
                .params(claimant.laestab(), person).query(Long.class).single()).isEqualTo(1);
    }

    /**
     * A pupil dual-registered (DOMAIN.md: enrolment status M, main, at one school and S, subsidiary, at the other) is
     * on both rolls at once: neither school's CTF is a move, in either order, and nothing is held for the LA.
     */
    @Test
    void aDualRegisteredPupilIsOnBothRollsAndNeitherSchoolsCtfIsHeldAsAMove() throws Exception {
        School subsidiary = hub.school("9265005");
        School main = hub.school("9265006");
        String pupil = upn(main.laestab(), 1);
        long person = RegisteredPerson.withUpn(pupil).named("Pat", "Pupil").in(hub);
        subsidiary.completed("dual-s", CtfFixture.full(subsidiary.laestab()).add(enrolled(pupil, "S")));

        main.completed("dual-m", CtfFixture.full(main.laestab()).add(enrolled(pupil, "M")));
        subsidiary.completed("dual-s-again", CtfFixture.full(subsidiary.laestab()).add(enrolled(pupil, "S")));

        assertThat(openSpells(person, subsidiary.laestab())).isEqualTo(1);
        assertThat(openSpells(person, main.laestab())).isEqualTo(1);
        assertThat(hub.db().sql("select count(*) from held_records where laestab in (?, ?) and status = 'held'")
                .params(subsidiary.laestab(), main.laestab()).query(Long.class).single()).isZero();
    }

    /** The pupil as a school's CTF gives them, with the enrolment status {@code status}. */
    private static org.rollbridge.core.pupil.Pupil enrolled(String upn, String status) {
        return CtfFixture.pupil(upn, "Pat", "Pupil", java.util.List.of()).toBuilder()
                .enrolStatus(org.rollbridge.core.code.Coded.of(org.rollbridge.core.code.EnrolStatus.class, status))
                .build();
    }

    @Test
    void aPupilWhoseLeavingTheOtherSchoolSentIsEnrolled() throws Exception {
        School from = hub.school("9265003");
        School to = hub.school("9265004");
        String pupil = upn(from.laestab(), 1);
        long person = onRoll(from, pupil);
        hub.db().sql("update enrolments set to_date = current_date - 1, ended_reason = 'leaving date sent' "
                + "where person_id = ?").param(person).update();

        to.completed("to-1", CtfFixture.partial(to.laestab()).add(pupil));

        assertThat(openSpells(person, to.laestab())).isEqualTo(1);
        assertThat(hub.db().sql("select count(*) from held_records where laestab = ?").param(to.laestab())
                .query(Long.class).single()).isZero();
    }
}
