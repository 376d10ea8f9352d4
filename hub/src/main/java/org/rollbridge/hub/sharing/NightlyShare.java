package org.rollbridge.hub.sharing;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rollbridge.hub.SharingSettings;
import org.rollbridge.hub.alerts.JobRunStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The nightly share: for the day just ended (the marks of the day are in), every agreement due that day
 * ({@link Agreement#dueOn}) is built and delivered, to the delivery folder (ROLLBRIDGE_SHARING_FOLDER) or its
 * HTTPS recipient. Files delivered already are not sent again, so running it twice delivers nothing twice; a file
 * the recipient refused is left unlogged and sent by the next run of that day. Scheduled by
 * ROLLBRIDGE_SHARING_CRON ({@link SharingSettings}); each run is a row in job_runs.
 */
@Component
public class NightlyShare {

    public static final String NAME = "nightly-share";
    static final String ACTOR = "nightly-share";
    private static final Logger log = LoggerFactory.getLogger(NightlyShare.class);

    private final ShareRun share;
    private final Agreements agreements;
    private final SharingSettings settings;
    private final JobRunStore runs;

    NightlyShare(ShareRun share, Agreements agreements, SharingSettings settings, JobRunStore runs) {
        this.share = share;
        this.agreements = agreements;
        this.settings = settings;
        this.runs = runs;
    }

    @Scheduled(cron = "${rollbridge.sharing.cron}", zone = "Europe/London")
    public void scheduled() {
        run(share.today().minusDays(1));
    }

    /** Delivers every agreement due on {@code day}; by agreement, the files delivered now, or the failure. */
    public Map<String, ShareReport> run(LocalDate day) {
        long id = runs.start(NAME);
        Map<String, ShareReport> reports = new LinkedHashMap<>();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("asOf", day.toString());
        boolean failed = false;
        for (Agreement agreement : agreements.all()) {
            if (!agreement.dueOn(day)) {
                continue;
            }
            try {
                ShareReport report = share.share(agreement.name(), day, settings.folder(), ACTOR, false);
                reports.put(agreement.name(), report);
                detail.put(agreement.name(), Map.of("files", report.files().size(), "delivered", report.files()
                        .stream().filter(f -> !f.alreadyDelivered() && f.failure() == null).count(), "failed",
                        report.failures()));
                failed |= report.failures() > 0;
                if (report.failures() > 0) {
                    log.warn("Nightly share of {} as of {}: {} file(s) not delivered; the next run sends them",
                            agreement.name(), day, report.failures());
                }
            } catch (RuntimeException e) {
                failed = true;
                detail.put(agreement.name(), Map.of("error", e.toString()));
                log.error("Nightly share of {} as of {} failed", agreement.name(), day, e);
            }
        }
        runs.finish(id, failed ? "failed" : "succeeded", detail);
        return reports;
    }
}
