package org.rollbridge.hub.ingest;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rollbridge.core.matching.SchoolAnswer;
import org.rollbridge.hub.Refusal;
import org.rollbridge.hub.access.Caller;
import org.rollbridge.hub.access.CredentialFilter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The school's side of the LA's question on its records held as unmatched, for the school agent and the school's
 * own systems: the school's counts, and its answer on one record. A school's credential reaches only its own school.
 */
@RestController
public class HeldAnswerController {

    private final HeldRecordQuery held;
    private final HeldAnswers answers;

    public HeldAnswerController(HeldRecordQuery held, HeldAnswers answers) {
        this.held = held;
        this.answers = answers;
    }

    @Operation(summary = "How many of the school's records are held, and how many questions wait for its answer",
            description = "Counts only: {\"laestab\", \"held\", \"questionsWaiting\"}. \"questionsWaiting\" counts the "
                    + "pupil records held as unmatched that the school has not yet answered the LA's question on. "
                    + "The school's own credential, or the LA administrator's.")
    @GetMapping("/api/v1/schools/{laestab}/held-summary")
    public Map<String, Object> summary(@PathVariable String laestab, HttpServletRequest request) {
        CredentialFilter.callerOf(request).requireSchool(laestab);
        HeldRecordQuery.Counts counts = held.counts(laestab);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("laestab", laestab);
        out.put("held", counts.held());
        out.put("questionsWaiting", counts.questionsWaiting());
        return out;
    }

    /** The school's answer: {@code answer} one of new-to-la, previously-at, upn-wrong; the school or LA for previously-at. */
    public record AnswerRequest(String answer, String previouslyAt) {
    }

    @Operation(summary = "The school answers the LA's question on a record of its own held as unmatched",
            description = "\"" + SchoolAnswer.QUESTION + "\" Body: {\"answer\": \"new-to-la\" | \"previously-at\" | "
                    + "\"upn-wrong\", \"previouslyAt\": \"the school or LA (required for previously-at, at most 200 "
                    + "characters)\"}. A later answer replaces an earlier one; each is audited. The LA's reviewer "
                    + "sees it with the record. 400 without a valid answer; 404 when the school has no such pupil "
                    + "record held as unmatched; 403 for another school's or the administrator's credential.")
    @PostMapping("/api/v1/schools/{laestab}/held-records/{id}/answer")
    public Map<String, Object> answer(@PathVariable String laestab, @PathVariable long id,
                                      @RequestBody(required = false) AnswerRequest body, HttpServletRequest request) {
        Caller caller = CredentialFilter.callerOf(request);
        if (caller.admin()) {
            throw new Refusal.NotAllowed("Only the school answers the LA's question, with its own credential");
        }
        caller.requireSchool(laestab);
        SchoolAnswer.Checked checked = SchoolAnswer.check(body == null ? null : body.answer(),
                body == null ? null : body.previouslyAt());
        if (!checked.valid()) {
            throw new Refusal.Invalid(checked.problem().message());
        }
        answers.answer(caller, laestab, id, checked.answer());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("heldRecordId", id);
        out.put("answer", checked.answer().answer().id());
        out.put("previouslyAt", checked.answer().previouslyAt());
        out.put("schoolSays", checked.answer().says());
        return out;
    }
}
