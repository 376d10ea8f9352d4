package org.rollbridge.hub.web;

import org.rollbridge.hub.access.HubUser;
import org.rollbridge.hub.access.SignedIn;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs: whether someone is signed in (for the sign-out button). */
@ControllerAdvice(basePackageClasses = PageModel.class)
public class PageModel {

    @ModelAttribute("signedIn")
    public boolean signedIn(Authentication authentication) {
        if (authentication == null) {
            return false;
        }
        try {
            HubUser user = SignedIn.user(authentication);
            return user != null;
        } catch (IllegalStateException e) {
            return false;
        }
    }
}
