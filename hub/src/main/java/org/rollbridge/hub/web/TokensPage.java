package org.rollbridge.hub.web;

import io.swagger.v3.oas.annotations.Hidden;
import java.time.Clock;
import org.rollbridge.hub.Refusal;
import org.rollbridge.hub.access.AdminTokens;
import org.rollbridge.hub.access.SignedIn;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * LA administrators make and revoke administrators' personal API tokens: a new token is shown on the page that
 * made it, once; the list shows who holds which, when each expires and was last used, never a token itself.
 */
@Hidden
@Controller
public class TokensPage {

    private final AdminTokens tokens;
    private final Clock clock;

    public TokensPage(AdminTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @GetMapping("/admin/tokens")
    public String list(@RequestParam(required = false) Long revoked, Model model) {
        model.addAttribute("revoked", revoked);
        return page(model, null, null, "", "", 90);
    }

    @PostMapping("/admin/tokens")
    public String issue(@RequestParam(required = false) String username,
                        @RequestParam(required = false) String label,
                        @RequestParam(required = false, defaultValue = "90") String days,
                        Authentication authentication, Model model) {
        int lasting;
        try {
            lasting = Integer.parseInt(days.strip());
        } catch (NumberFormatException e) {
            return page(model, null, "Enter how many days the token lasts as a whole number, from 1 to "
                    + AdminTokens.LONGEST_DAYS, username, label, 90);
        }
        try {
            return page(model, tokens.issue(username, label, lasting, SignedIn.user(authentication)), null, "", "",
                    90);
        } catch (Refusal.Invalid e) {
            return page(model, null, e.getMessage(), username, label, lasting);
        }
    }

    @PostMapping("/admin/tokens/{id}/revoke")
    public String revoke(@PathVariable long id, Authentication authentication) {
        tokens.revoke(id, SignedIn.user(authentication));
        return "redirect:/admin/tokens?revoked=" + id;
    }

    private String page(Model model, AdminTokens.Issued issued, String error, String username, String label,
                        int days) {
        model.addAttribute("issued", issued);
        model.addAttribute("error", error);
        model.addAttribute("username", username == null ? "" : username);
        model.addAttribute("label", label == null ? "" : label);
        model.addAttribute("days", days);
        model.addAttribute("longest", AdminTokens.LONGEST_DAYS);
        model.addAttribute("now", clock.instant());
        model.addAttribute("tokens", tokens.all());
        return "tokens";
    }
}
