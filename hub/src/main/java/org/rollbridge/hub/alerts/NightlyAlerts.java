package org.rollbridge.hub.alerts;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The nightly run: every pupil's alerts in the LA, recomputed as of today, so alerts that fall due with the date
 * alone (the sixth school day of a permanent exclusion, a pupil's share of absence as the year goes on) are raised
 * even when no school sent anything. Scheduled by ROLLBRIDGE_NIGHTLY_CRON ({@link org.rollbridge.hub.NightlySettings}); an
 * administrator can run it now with {@code POST /api/v1/jobs/nightly}. Each run is a row in job_runs.
 */
@Component
@EnableScheduling
public class NightlyAlerts {

    public static final String NAME = "nightly-alerts";
    private static final Logger log = LoggerFactory.getLogger(NightlyAlerts.class);

    private final AlertRecompute recompute;
    private final JobRunStore runs;

    public NightlyAlerts(AlertRecompute recompute, JobRunStore runs) {
        this.recompute = recompute;
        this.runs = runs;
    }

    /** A finished run, as recorded in job_runs. */
    public record Run(long id, String status, Map<String, Object> detail) {
    }

    @Scheduled(cron = "${rollbridge.nightly.cron}", zone = "${rollbridge.nightly.zone}")
    public void scheduled() {
        run();
    }

    /** Runs now, in this thread; records the run whatever its outcome. */
    public Run run() {
        LocalDate asOf = recompute.today();
        long id = runs.start(NAME);
        long started = System.nanoTime();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("asOf", asOf.toString());
        try {
            AlertRecompute.Outcome o = recompute.everyone(asOf);
            detail.put("schools", o.schools());
            detail.put("pupils", o.pupils());
            detail.put("alerts", o.alerts());
            detail.put("raised", o.changes().raised());
            detail.put("updated", o.changes().updated());
            detail.put("worsened", o.changes().worsened());
            detail.put("newEpisodes", o.changes().newEpisodes());
            detail.put("millis", (System.nanoTime() - started) / 1_000_000);
            runs.finish(id, "succeeded", detail);
            log.info("Nightly alerts as of {}: {} pupil(s) at {} school(s), {} case(s) raised in {} ms", asOf,
                    o.pupils(), o.schools(), o.changes().raised(), detail.get("millis"));
            return new Run(id, "succeeded", detail);
        } catch (RuntimeException e) {
            detail.put("error", e.toString());
            detail.put("millis", (System.nanoTime() - started) / 1_000_000);
            runs.finish(id, "failed", detail);
            log.error("Nightly alerts run {} failed", id, e);
            throw e;
        }
    }
}
