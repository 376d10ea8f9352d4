package org.rollbridge.hub.web;

import io.swagger.v3.oas.annotations.Hidden;
import org.rollbridge.hub.access.HubUser;
import org.rollbridge.hub.access.SignedIn;
import org.rollbridge.hub.people.Rectifications;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The correction form on the pupil page (rectification): the field, its correct value, why and on what evidence.
 * Only roles with the RECTIFY capability reach it ({@code PageAccess}); a refused correction says what was wrong.
 */
@Hidden
@Controller
public class RectificationPage {

    private final Rectifications rectifications;

    public RectificationPage(Rectifications rectifications) {
        this.rectifications = rectifications;
    }

    @PostMapping("/pupils/{id}/rectifications")
    public String record(@PathVariable long id, @RequestParam(required = false) String field,
                         @RequestParam(required = false) String value, @RequestParam(required = false) String reason,
                         @RequestParam(required = false) String evidence, Authentication authentication) {
        HubUser user = SignedIn.user(authentication);
        rectifications.record(id, field, value, reason, evidence, user.username(), user.role().name());
        return "redirect:/pupils/" + id + "#corrections";
    }
}
