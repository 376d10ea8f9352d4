package org.rollbridge.hub.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.rollbridge.core.matching.SchoolAnswer;
import org.rollbridge.hub.access.FieldAccess;
import org.rollbridge.hub.access.FieldGroup;
import org.rollbridge.hub.access.HubUser;
import org.rollbridge.hub.access.SchoolQuery;
import org.rollbridge.hub.access.SignedIn;
import org.rollbridge.hub.audit.AuditAction;
import org.rollbridge.hub.audit.AuditLog;
import org.rollbridge.hub.audit.Pupils;
import org.rollbridge.hub.ingest.HeldAnswers;
import org.rollbridge.hub.ingest.HeldRecordQuery;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The school answers the LA's question on one of its pupil records held because it matched nobody: "Is this child
 * new to the LA, or starting in a first setting?" (core's {@link SchoolAnswer}), one question on its own page. Only
 * the school's own roles answer, and only for their own school's records; anything else is "not found".
 */
@Hidden
@Controller
public class HeldAnswerPage {

    private final SchoolQuery schools;
    private final HeldRecordQuery held;
    private final HeldAnswers answers;
    private final AuditLog audit;

    public HeldAnswerPage(SchoolQuery schools, HeldRecordQuery held, HeldAnswers answers, AuditLog audit) {
        this.schools = schools;
        this.held = held;
        this.answers = answers;
        this.audit = audit;
    }

    @GetMapping("/schools/{laestab}/held/{id}/answer")
    public String form(@PathVariable String laestab, @PathVariable long id, Authentication authentication,
                       Model model) {
        HubUser user = SignedIn.user(authentication);
        HeldRecordQuery.Held record = asked(user, laestab, id);
        return show(user, record, record.answer() == null ? null : record.answer().id(), record.previouslyAt(), null,
                model);
    }

    @PostMapping("/schools/{laestab}/held/{id}/answer")
    public String answer(@PathVariable String laestab, @PathVariable long id,
                         @RequestParam(required = false) String answer,
                         @RequestParam(name = "previously-at", required = false) String previouslyAt,
                         Authentication authentication, Model model, HttpServletResponse response) {
        HubUser user = SignedIn.user(authentication);
        HeldRecordQuery.Held record = asked(user, laestab, id);
        SchoolAnswer.Checked checked = SchoolAnswer.check(answer, previouslyAt);
        if (!checked.valid()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return show(user, record, answer, previouslyAt, checked.problem(), model);
        }
        answers.answer(user, laestab, id, checked.answer());
        return "redirect:/schools/" + laestab + "?answered=" + id + "#held";
    }

    private String show(HubUser user, HeldRecordQuery.Held record, String answer, String previouslyAt,
                        SchoolAnswer.Problem problem, Model model) {
        boolean identity = FieldAccess.shows(user.role(), FieldGroup.IDENTITY);
        audit.read(user, AuditAction.VIEW_SCHOOL, "held:" + record.id(), "the LA's question on a held record",
                Pupils.upns(identity && record.upn() != null ? List.of(record.upn()) : List.of()), "ok");
        model.addAttribute("record", record);
        model.addAttribute("identity", identity);
        model.addAttribute("question", SchoolAnswer.QUESTION);
        model.addAttribute("answers", SchoolAnswer.values());
        model.addAttribute("answer", answer);
        model.addAttribute("previouslyAt", previouslyAt);
        model.addAttribute("problem", problem);
        model.addAttribute("maxLength", SchoolAnswer.PREVIOUSLY_AT_MAX);
        return "held-answer";
    }

    /** The school's record still held that it is asked about, or "not found" for anything else. */
    private HeldRecordQuery.Held asked(HubUser user, String laestab, long id) {
        if (!schools.of(user.organisation()).containsKey(laestab)) {
            throw notFound();
        }
        return held.stillHeld(laestab, id).filter(HeldRecordQuery.Held::asked).orElseThrow(HeldAnswerPage::notFound);
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND,
                "There is no record held as unmatched here for you to answer about; it may have been released");
    }
}
