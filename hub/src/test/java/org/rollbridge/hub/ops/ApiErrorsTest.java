package org.rollbridge.hub.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rollbridge.hub.Refusal;
import org.springframework.http.ResponseEntity;

class ApiErrorsTest {

    private final ApiErrors errors = new ApiErrors();

    @Test
    void eachRefusalHasItsStatusAndTheApisErrorShape() {
        assertThat(errors.refused(new Refusal.NotFound("No review item 7")))
                .isEqualTo(ResponseEntity.status(404).body(Map.of("status", 404, "error", "Not Found",
                        "message", "No review item 7")));
        assertThat(errors.refused(new Refusal.NotAllowed("Only the LA administrator may do this")).getStatusCode()
                .value()).isEqualTo(403);
        assertThat(errors.refused(new Refusal.Conflict("Alert case 3 is resolved: it is already resolved"))
                .getBody()).containsEntry("status", 409).containsEntry("error", "Conflict");
        assertThat(errors.refused(new Refusal.Invalid("Give a reason for the decision")).getBody())
                .containsEntry("status", 400).containsEntry("message", "Give a reason for the decision");
    }
}
