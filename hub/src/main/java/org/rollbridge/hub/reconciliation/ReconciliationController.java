package org.rollbridge.hub.reconciliation;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import org.rollbridge.hub.access.CredentialFilter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The school agent's nightly reconciliation: its digests in, the pupils to resend out. */
@RestController
public class ReconciliationController {

    private final Reconciliation reconciliation;

    public ReconciliationController(Reconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    @Operation(summary = "Compare the school's digest of every pupil-year it holds with the hub's; answers the pupils "
            + "to resend", description = "The school (its own) or the administrator. Digests as in docs/agent.md "
            + "(Reconciliation). 409 while the school has batches still queued or processing: send it again once "
            + "they have completed.")
    @PostMapping("/api/v1/schools/{laestab}/reconciliations")
    public Reconciliation.Answer reconcile(@PathVariable String laestab,
                                           @RequestBody(required = false) Reconciliation.Digest digest,
                                           HttpServletRequest request) {
        CredentialFilter.callerOf(request).requireSchool(laestab);
        return reconciliation.compare(laestab, digest);
    }
}
