package org.rollbridge.hub.web;

import io.swagger.v3.oas.annotations.Hidden;
import org.rollbridge.hub.sharing.Agreements;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The public transparency page (no sign-in): what the LA shares onwards, with whom, why, under which law and how to
 * opt out. Generated from the agreements the hub shares under, so the privacy notice's table cannot drift from
 * what the hub does.
 */
@Hidden
@Controller
public class SharingPage {

    private final Agreements agreements;

    SharingPage(Agreements agreements) {
        this.agreements = agreements;
    }

    @GetMapping("/sharing")
    public String view(Model model) {
        model.addAttribute("agreements", agreements.all());
        return "sharing";
    }
}
