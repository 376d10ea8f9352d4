package org.rollbridge.hub.web;

import io.swagger.v3.oas.annotations.Hidden;
import org.rollbridge.hub.access.HubUser;
import org.rollbridge.hub.access.SignedIn;
import org.rollbridge.hub.rights.Erasure;
import org.rollbridge.hub.rights.SubjectAccess;
import org.rollbridge.hub.rights.RightsController;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Administrators answer a person's rights from the pupil page: the subject access pack as a download, and erasure
 * on a recorded decision.
 */
@Hidden
@Controller
public class RightsPage {

    private final SubjectAccess subjectAccess;
    private final Erasure erasure;

    public RightsPage(SubjectAccess subjectAccess, Erasure erasure) {
        this.subjectAccess = subjectAccess;
        this.erasure = erasure;
    }

    /** Erases the person on the decision given; the retention page is where the administrator lands. */
    @PostMapping("/rights/{id}/erasure")
    public String erase(@PathVariable long id, @RequestParam(required = false) String reason,
                        @RequestParam(required = false) String reference, Authentication authentication) {
        HubUser user = SignedIn.user(authentication);
        erasure.erase(id, reason, reference, user.username(), user.role().name());
        return "redirect:/retention";
    }

    @PostMapping("/rights/{id}/subject-access")
    public ResponseEntity<byte[]> subjectAccess(@PathVariable long id, @RequestParam(required = false) String reason,
                                                Authentication authentication) {
        HubUser user = SignedIn.user(authentication);
        return RightsController.zip(subjectAccess, subjectAccess.produce(id, user.username(),
                user.role().name(), reason));
    }
}
