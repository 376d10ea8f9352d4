package org.rollbridge.hub.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.rollbridge.hub.AccessReviewSettings;
import org.rollbridge.hub.Refusal;
import org.rollbridge.hub.audit.AuditAction;
import org.rollbridge.hub.audit.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The quarterly access review: every account with its role and last sign-in, the dormant ones (enabled, no sign-in
 * for {@code ROLLBRIDGE_DORMANT_DAYS}) marked, and the reviewer's decision (which to disable) recorded in the audit
 * log as one event naming the accounts kept and those disabled.
 */
@Service
public class AccessReview {

    private final Users users;
    private final UserAdministration administration;
    private final AuditLog audit;
    private final Clock clock;
    private final int dormantDays;

    public AccessReview(Users users, UserAdministration administration, AuditLog audit, Clock clock,
                        AccessReviewSettings settings) {
        this.users = users;
        this.administration = administration;
        this.audit = audit;
        this.clock = clock;
        this.dormantDays = settings.dormantDays();
    }

    public record Entry(Users.Listed account, boolean dormant) {
    }

    public int dormantDays() {
        return dormantDays;
    }

    public List<Entry> entries() {
        Instant since = clock.instant().minus(Duration.ofDays(dormantDays));
        return users.all().stream().map(a -> new Entry(a, a.dormantSince(since))).toList();
    }

    /** Disables the accounts chosen (each must be dormant) and records the review; returns how many were disabled. */
    @Transactional
    public int decide(HubUser reviewer, Collection<String> disable, String note) {
        Set<String> chosen = Set.copyOf(disable);
        List<Entry> entries = entries();
        List<String> dormant = new ArrayList<>();
        entries.stream().filter(Entry::dormant).forEach(e -> dormant.add(e.account().user().username()));
        for (String username : chosen) {
            if (!dormant.contains(username)) {
                throw new Refusal.Invalid("'" + username + "' is not a dormant account: reload the review and choose"
                        + " again");
            }
        }
        for (String username : chosen) {
            administration.enable(reviewer, username, false, "access review: dormant for " + dormantDays + " days");
        }
        List<String> kept = dormant.stream().filter(u -> !chosen.contains(u)).sorted().toList();
        audit.record(reviewer, AuditAction.ACCESS_REVIEW, null, note == null || note.isBlank() ? null : note.strip(),
                entries.size() + " accounts reviewed; dormant kept: " + kept + "; disabled: "
                        + chosen.stream().sorted().toList());
        return chosen.size();
    }
}
