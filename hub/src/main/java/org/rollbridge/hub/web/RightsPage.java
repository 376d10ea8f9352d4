package org.rollbridge.hub.web;

import io.swagger.v3.oas.annotations.Hidden;
import org.rollbridge.hub.access.HubUser;
import org.rollbridge.hub.access.SignedIn;
import org.rollbridge.hub.rights.SubjectAccess;
import org.rollbridge.hub.rights.SubjectAccessController;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Administrators answer a person's rights from the pupil page: the subject access pack, as a download. */
@Hidden
@Controller
public class RightsPage {

    private final SubjectAccess subjectAccess;

    public RightsPage(SubjectAccess subjectAccess) {
        this.subjectAccess = subjectAccess;
    }

    @PostMapping("/rights/{id}/subject-access")
    public ResponseEntity<byte[]> subjectAccess(@PathVariable long id, @RequestParam(required = false) String reason,
                                                Authentication authentication) {
        HubUser user = SignedIn.user(authentication);
        return SubjectAccessController.zip(subjectAccess, subjectAccess.produce(id, user.username(),
                user.role().name(), reason));
    }
}
