package org.rollbridge.hub.web;

import io.swagger.v3.oas.annotations.Hidden;
import org.rollbridge.hub.Refusal;
import org.rollbridge.hub.access.HubUser;
import org.rollbridge.hub.access.Role;
import org.rollbridge.hub.access.SignedIn;
import org.rollbridge.hub.access.UserAdministration;
import org.rollbridge.hub.access.Users;
import org.rollbridge.hub.access.Totp;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The LA administrator's users pages: every account with its role, organisation, state and last sign-in; a form
 * to create one (its first password and authenticator secret shown once); and each account's page to change its
 * role or organisation, disable or enable it and reset its second factor. {@link UserAdministration} checks and
 * audits every change.
 */
@Hidden
@Controller
public class UserAdminPage {

    private final Users users;
    private final UserAdministration administration;

    public UserAdminPage(Users users, UserAdministration administration) {
        this.users = users;
        this.administration = administration;
    }

    @GetMapping("/admin/users")
    public String list(Model model) {
        model.addAttribute("accounts", users.all());
        model.addAttribute("roles", Role.values());
        return "admin-users";
    }

    @PostMapping("/admin/users")
    public String create(@RequestParam(required = false) String username,
                         @RequestParam(required = false) String displayName,
                         @RequestParam(required = false) String role,
                         @RequestParam(required = false) String organisation,
                         Authentication authentication, Model model) {
        try {
            Users.NewAccount account = administration.create(SignedIn.user(authentication), username, displayName,
                    role, organisation);
            model.addAttribute("account", account.user());
            model.addAttribute("password", account.password());
            model.addAttribute("secret", account.totpSecret());
            model.addAttribute("otpauth", otpauth(account.user().username(), account.totpSecret()));
            return "admin-account-made";
        } catch (Refusal.Invalid | Refusal.Conflict e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("form", new String[] {username, displayName, role, organisation});
            return list(model);
        }
    }

    @GetMapping("/admin/users/{username}")
    public String account(@PathVariable String username, Model model) {
        Users.Listed account = users.all().stream().filter(a -> a.user().username().equals(username)).findFirst()
                .orElseThrow(() -> new Refusal.NotFound("There is no account '" + username + "'"));
        model.addAttribute("a", account);
        model.addAttribute("roles", Role.values());
        return "admin-user";
    }

    @PostMapping("/admin/users/{username}/role")
    public String change(@PathVariable String username, @RequestParam(required = false) String role,
                         @RequestParam(required = false) String organisation, Authentication authentication,
                         Model model, RedirectAttributes redirect) {
        try {
            HubUser changed = administration.change(SignedIn.user(authentication), username, role, organisation);
            redirect.addFlashAttribute("done", changed.username() + " is now " + changed.role().description()
                    + " at " + changed.organisation().code());
            return "redirect:/admin/users/" + username;
        } catch (Refusal.Invalid e) {
            model.addAttribute("error", e.getMessage());
            return account(username, model);
        }
    }

    @PostMapping("/admin/users/{username}/disable")
    public String disable(@PathVariable String username, @RequestParam(required = false) String reason,
                          Authentication authentication, RedirectAttributes redirect) {
        administration.enable(SignedIn.user(authentication), username, false, reason);
        redirect.addFlashAttribute("done", username + " is disabled and can no longer sign in");
        return "redirect:/admin/users/" + username;
    }

    @PostMapping("/admin/users/{username}/enable")
    public String enable(@PathVariable String username, Authentication authentication,
                         RedirectAttributes redirect) {
        administration.enable(SignedIn.user(authentication), username, true, null);
        redirect.addFlashAttribute("done", username + " is enabled and may sign in again");
        return "redirect:/admin/users/" + username;
    }

    @PostMapping("/admin/users/{username}/second-factor")
    public String resetSecondFactor(@PathVariable String username, Authentication authentication, Model model) {
        String secret = administration.resetSecondFactor(SignedIn.user(authentication), username);
        model.addAttribute("username", username);
        model.addAttribute("secret", secret);
        model.addAttribute("otpauth", otpauth(username, secret));
        return "admin-second-factor";
    }

    private static String otpauth(String username, String secret) {
        return Totp.uri("Rollbridge", username, secret);
    }
}
