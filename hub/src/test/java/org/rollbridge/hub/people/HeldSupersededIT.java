package org.rollbridge.hub.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rollbridge.hub.testing.CtfFixture.upn;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.rollbridge.hub.testing.HubTest;
import org.rollbridge.hub.testing.RegisteredPerson;
import org.rollbridge.hub.testing.RunningHub;

/** A school resending its CTF: each pupil still held is held once, with one open review item per candidate. */
@HubTest
class HeldSupersededIT {

    static RunningHub hub;

    @Test
    void threeSendsOfTheSameHeldPupilsLeaveOneHeldRecordAndOneReviewItemEach() throws Exception {
        String school = "9264901";
        RegisteredPerson.withRegisterId("sup-look").named("Rosalind", "Pennington").born(LocalDate.of(2012, 4, 9))
                .postcode("NR20 7TT").in(hub);
        for (int send = 1; send <= 3; send++) {
            MatchingIT.send(hub, school, "resend-" + send,
                    MatchingIT.pupil(upn(school, 1), null, "Rosalin", "Penington", "2012-04-09", "F", "NR21 8UU"),
                    MatchingIT.pupil(upn(school, 2), null, "Cuthbert", "Ashdown", "2010-11-30", "M", "NR22 9AB"));
        }

        assertThat(hub.db().sql("""
                select upn, reason from held_records where laestab = ? and status = 'held' order by upn""")
                .param(school).query((rs, n) -> rs.getString(1) + " " + rs.getString(2)).list())
                .containsExactly(upn(school, 1) + " REVIEW", upn(school, 2) + " UNMATCHED");
        assertThat(hub.db().sql("""
                select count(*) from review_queue q join held_records h on h.id = q.held_record_id
                where h.laestab = ? and q.status = 'open'""").param(school).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void aPupilLinkedByALaterSendLeavesNothingHeld() throws Exception {
        String school = "9264902";
        MatchingIT.send(hub, school, "before-register",
                MatchingIT.pupil(upn(school, 1), null, "Hereward", "Linacre", "2011-02-14", "M", "NR23 1AB"));
        RegisteredPerson.withRegisterId("sup-later").named("Hereward", "Linacre").born(LocalDate.of(2011, 2, 14))
                .sex("M").in(hub);

        MatchingIT.send(hub, school, "after-register",
                MatchingIT.pupil(upn(school, 1), null, "Hereward", "Linacre", "2011-02-14", "M", "NR23 1AB"));

        assertThat(hub.db().sql("select count(*) from held_records where laestab = ? and status = 'held'")
                .param(school).query(Long.class).single()).isZero();
    }
}
