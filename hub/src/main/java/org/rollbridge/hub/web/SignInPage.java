package org.rollbridge.hub.web;

import io.swagger.v3.oas.annotations.Hidden;
import org.rollbridge.hub.access.LocalSignIn;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page; the form posts to Spring Security's processing of /sign-in. */
@Hidden
@Controller
public class SignInPage {

    private final ObjectProvider<ClientRegistrationRepository> oidc;

    public SignInPage(ObjectProvider<ClientRegistrationRepository> oidc) {
        this.oidc = oidc;
    }

    @GetMapping("/sign-in")
    public String signIn(@RequestParam(required = false) String error,
                         @RequestParam(name = "signed-out", required = false) String signedOut, Model model) {
        model.addAttribute("failure", error != null ? LocalSignIn.FAILURE : null);
        model.addAttribute("signedOut", signedOut != null);
        model.addAttribute("oidc", oidc.getIfAvailable() != null);
        return "sign-in";
    }
}
