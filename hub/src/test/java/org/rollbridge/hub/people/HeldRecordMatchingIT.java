package org.rollbridge.hub.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rollbridge.hub.testing.ResponseAssertions.assertStatus;
import static org.rollbridge.hub.testing.CtfFixture.upn;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.rollbridge.hub.testing.HubTest;
import org.rollbridge.hub.testing.RegisteredPerson;
import org.rollbridge.hub.testing.RunningHub;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Held pupil records matched again when the register changes: a review decision re-matches, at once, only the
 * held records the changed person could match; a register import queues the re-matching of all of them. Names
 * and dates of birth here are used by no other test of the class, since matching searches the whole LA.
 */
@HubTest
class HeldRecordMatchingIT {

    static RunningHub hub;

    @Test
    void aNewPersonDecisionRematchesTheirTwinsHeldRecordAndLeavesAnUnrelatedOneAlone() throws Exception {
        String school = "9264481";
        long lookalike = registered("hm-look", null, null, "Philippa", "Marchetti", "2011-05-17", "F",
                "NR20 4AB");
        MatchingIT.send(hub, school, "twins-1",
                MatchingIT.pupil(upn(school, 1), null, "Philipa", "Marcheti", "2011-05-17", "F", "NR21 5DE"),
                MatchingIT.pupil(upn(school, 2), null, "Philomena", "Marcheti", "2011-05-17", "F", "NR21 5DE"),
                MatchingIT.pupil(upn(school, 3), null, "Tobias", "Quennell", "2009-01-02", "M", "NR30 9ZZ"));
        Map<String, Object> philipa = held(upn(school, 1));
        assertThat(philipa).as(philipa.toString()).containsEntry("reason", "REVIEW");
        Map<String, Object> philomena = held(upn(school, 2));
        Map<String, Object> tobias = held(upn(school, 3));
        assertThat(philomena).containsEntry("status", "held");
        assertThat(tobias).containsEntry("reason", "UNMATCHED");
        JsonNode item = itemFor(id(philipa), lookalike);

        HttpResponse<String> created = decide(item.path("id").asLong(), "new-person",
                "{\"reason\":\"A different child: the school confirmed she is new to the area\"}");

        assertStatus(200, created);
        long person = RunningHub.json(created).path("personId").asLong();
        // The twin, held before the decision, now has the new person proposed: same birth date, surname, home.
        Map<String, Object> twinNow = held(upn(school, 2));
        assertThat(twinNow.get("xmin")).isNotEqualTo(philomena.get("xmin"));
        assertThat(twinNow).containsEntry("status", "held").containsEntry("reason", "REVIEW");
        assertThat(itemFor(id(philomena), person).path("candidatePersonId").asLong()).isEqualTo(person);
        // The unrelated record was not re-matched: its row was not written at all.
        assertThat(held(upn(school, 3))).isEqualTo(tobias);
    }

    @Test
    void aRegisterImportQueuesTheRematchingAndTheJobReleasesWhatNowMatches() throws Exception {
        String school = "9264482";
        MatchingIT.send(hub, school, "import-1",
                MatchingIT.pupil(upn(school, 1), null, "Evander", "Truscott", "2014-02-21", "M", "NR31 2EF"));
        assertThat(held(upn(school, 1))).containsEntry("reason", "UNMATCHED");
        Path register = Files.createTempFile("register", ".csv");
        Files.writeString(register, """
                id,upn,former_upns,uln,legal_forename,legal_surname,preferred_forename,preferred_surname,dob,sex,postcode
                hm-import,,,,Evander,Truscott,,,2014-02-21,M,NR31 2EF
                """);

        hub.bean(RegisterImport.class).load(register);
        awaitRematchJobs(hub);

        long person = hub.db().sql("select id from persons where register_id = 'hm-import'").query(Long.class)
                .single();
        assertThat(held(upn(school, 1))).containsEntry("status", "released").containsEntry("person_id", person);
        assertThat(hub.db().sql("select status from jobs where kind = ? order by id desc limit 1")
                .param(HeldRematchJob.KIND).query(String.class).single()).isEqualTo("done");
    }

    @Test
    void aRematchingQueuedAndNotYetStartedIsNotQueuedTwice() {
        HeldRecordMatching matching = hub.bean(HeldRecordMatching.class);
        Supplier<Long> queued = () -> hub.db().sql("select count(*) from jobs where kind = ?")
                .param(HeldRematchJob.KIND).query(Long.class).single();
        long before = queued.get();

        // Two chunks of one import in one transaction: the second finds the first's job waiting.
        hub.bean(TransactionTemplate.class).executeWithoutResult(s -> {
            matching.queueRematch();
            matching.queueRematch();
        });

        assertThat(queued.get()).isEqualTo(before + 1);
    }

    /**
     * Not a timing assertion: prints how long a review decision takes with 2,000 held records, and how long the
     * re-matching it used to do (every held record) takes against the targeted one, same run, same data.
     */
    @Test
    void measureADecisionWithTwoThousandHeldRecords() throws Exception {
        String school = "9264483";
        int heldCount = 2_000;
        long lookalike = registered("hm-bench-look", null, null, "Gwendolyn", "Ashcombe",
                "2012-10-04", "F", "NR40 1GH");
        MatchingIT.send(hub, school, "bench-1",
                MatchingIT.pupil(upn(school, 1), null, "Gwendolin", "Ashcomb", "2012-10-04", "F", "NR41 2HJ"),
                MatchingIT.pupil(upn(school, 2), null, "Template", "Heldrecord", "2010-01-01", "M", "NR42 3JL"));
        long template = id(held(upn(school, 2)));
        // Varied names, birth dates and homes, as an LA's backlog would be, a few born the same day as the pupil
        // decided on; UPNs nobody in the register has.
        hub.db().sql("""
                insert into held_records (la, batch_id, laestab, feed, location, upn, reason, detail, payload)
                select h.la, h.batch_id, h.laestab, h.feed, 'measure ' || g, u, 'UNMATCHED', h.detail,
                       h.payload || jsonb_build_object('upn', u, 'seq', g,
                           'forename', (array['Amelia','Oliver','Isla','Arthur','Ivy','Noah','Freya','Leo','Ada',
                                              'Theo','Elsie','Oscar','Maeve','Jude','Iris','Rory'])[1 + g % 16],
                           'surname', (array['Halloran','Pennick','Vosper','Tregear','Oakden','Bellamy','Crisp',
                                             'Dunstan','Ellery','Fairbairn','Goring','Hext','Isbister','Jago',
                                             'Kitto','Lanyon','Mudge','Nance','Opie','Pascoe'])[1 + (g / 16) % 20]
                                      || (array['', 'e', 'y', 'son', 'ham'])[1 + (g / 320) % 5],
                           'dob', case when g % 400 = 0 then '2012-10-04'
                                       else ('2008-09-01'::date + ((g * 37) % 3650)::int)::text end,
                           'postcode', 'NR' || (50 + g % 40) || ' ' || (g % 9) || 'XY')
                from held_records h, unnest(?::text[]) with ordinality as m(u, g) where h.id = ?""")
                .params(IntStream.rangeClosed(1, heldCount)
                        .mapToObj(i -> upn(String.valueOf(9264484 + i / 1000), i % 1000)).toArray(String[]::new),
                        template).update();
        try {
            JsonNode item = itemFor(id(held(upn(school, 1))), lookalike);
            TransactionTemplate tx = hub.bean(TransactionTemplate.class);
            HeldRecordMatching matching = hub.bean(HeldRecordMatching.class);
            List<Long> all = matching.heldIds();

            long started = System.nanoTime();
            HttpResponse<String> created = decide(item.path("id").asLong(), "new-person",
                    "{\"reason\":\"A different child, confirmed by the school\"}");
            double decisionMs = (System.nanoTime() - started) / 1e6;
            assertStatus(200, created);
            long person = RunningHub.json(created).path("personId").asLong();

            // Both re-matchings measured inside a transaction that is rolled back, so each run sees the same data.
            double[] targeted = timed(5, () -> rolledBack(tx, () -> matching.rematchAround(List.of(person))));
            double[] everyRecord = timed(3, () -> rolledBack(tx, () -> matching.rematchHeld(all, false)));
            int touched = rolledBack(tx, () -> matching.rematchAround(List.of(person))).matched().size();
            System.out.printf("Held records: %d. Review decision (new person, over HTTP, targeted re-matching): "
                            + "%.0f ms. Re-matching after it: targeted %d record(s) median %.0f ms %s; every held "
                            + "record (as before) median %.0f ms %s; so a decision took about %.0f ms before.%n",
                    all.size(), decisionMs, touched, median(targeted), Arrays.toString(targeted),
                    median(everyRecord), Arrays.toString(everyRecord),
                    decisionMs - median(targeted) + median(everyRecord));
            assertThat(touched).isPositive().isLessThan(all.size() / 100);
        } finally {
            hub.db().sql("delete from review_queue where held_record_id in "
                    + "(select id from held_records where location like 'measure %' and laestab = ?)")
                    .param(school).update();
            hub.db().sql("delete from held_records where location like 'measure %' and laestab = ?").param(school)
                    .update();
        }
    }

    private static long registered(String registerId, String upn, String uln, String forename, String surname,
                                   String dob, String sex, String postcode) {
        return RegisteredPerson.withRegisterId(registerId).upn(upn).uln(uln).named(forename, surname)
                .born(LocalDate.parse(dob)).sex(sex).postcode(postcode).in(hub);
    }

    private static <T> T rolledBack(TransactionTemplate tx, Supplier<T> work) {
        return tx.execute(status -> {
            status.setRollbackOnly();
            return work.get();
        });
    }

    private static double[] timed(int runs, Runnable work) {
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            work.run();
            ms[i] = Math.round((System.nanoTime() - started) / 1e5) / 10.0;
        }
        return ms;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** Waits until the hub's workers have run every queued re-matching of held records. */
    static void awaitRematchJobs(RunningHub hub) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            if (hub.db().sql("select count(*) from jobs where kind = ? and status = 'queued'")
                    .param(HeldRematchJob.KIND).query(Long.class).single() == 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("The held records' re-matching job did not finish in 30 s");
    }

    /** The held record, with its row version (xmin), which changes whenever the row is written. */
    private static Map<String, Object> held(String upn) {
        return hub.db().sql("""
                select id, reason, detail, status, person_id, xmin::text as xmin from held_records
                where upn = ? and feed = 'ctf'""").param(upn).query().singleRow();
    }

    private static long id(Map<String, Object> row) {
        return ((Number) row.get("id")).longValue();
    }

    private static JsonNode itemFor(long heldId, long candidate) throws Exception {
        JsonNode queue = RunningHub.json(hub.send(hub.request("/api/v1/review-queue").GET(), RunningHub.ADMIN_TOKEN));
        List<String> seen = new ArrayList<>();
        for (JsonNode item : queue) {
            if (item.path("heldRecordId").asLong() == heldId && item.path("candidatePersonId").asLong() == candidate) {
                return item;
            }
            seen.add(item.path("heldRecordId").asString() + "->" + item.path("candidatePersonId").asString());
        }
        throw new AssertionError("No open review item for held record " + heldId + " and person " + candidate
                + " in " + seen);
    }

    private static HttpResponse<String> decide(long itemId, String decision, String body) throws Exception {
        return hub.send(hub.request("/api/v1/review-queue/" + itemId + "/" + decision)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), RunningHub.ADMIN_TOKEN);
    }
}
