package org.rollbridge.hub.web;

import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import org.rollbridge.hub.Refusal;
import org.rollbridge.hub.access.EstablishmentLinks;
import org.rollbridge.hub.access.OrganisationKind;
import org.rollbridge.hub.access.OrganisationLink;
import org.rollbridge.hub.access.Organisations;
import org.rollbridge.hub.access.SignedIn;
import org.rollbridge.hub.access.TrustLinkImport;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Schools and their dated trust membership, loaded from the DfE's establishment and trust-links CSV
 * ({@link TrustLinkImport}); a file with bad rows is refused whole and each row's problem listed.
 */
@Hidden
@Controller
public class TrustLinksPage {

    private final TrustLinkImport imports;
    private final Organisations organisations;

    public TrustLinksPage(TrustLinkImport imports, Organisations organisations) {
        this.imports = imports;
        this.organisations = organisations;
    }

    @GetMapping("/admin/trust-links")
    public String page(Model model) {
        model.addAttribute("links", organisations.graph().links().stream()
                .filter(l -> l.parent().kind() == OrganisationKind.TRUST)
                .sorted(Comparator.comparing(OrganisationLink::school).thenComparing(OrganisationLink::from)).toList());
        return "admin-trust-links";
    }

    @PostMapping("/admin/trust-links")
    public String load(@RequestParam(required = false) MultipartFile file, Authentication authentication,
                       Model model) throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("error", "Choose the establishment and trust-links CSV file to upload");
            return page(model);
        }
        try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            EstablishmentLinks.Read read = imports.load(SignedIn.user(authentication), file.getOriginalFilename(),
                    reader);
            if (read.problems().isEmpty()) {
                model.addAttribute("done", "Loaded " + read.schools().size() + " schools and " + read.links()
                        + " trust links from " + file.getOriginalFilename());
            } else {
                model.addAttribute("error", "The file was not loaded: " + read.problems().size()
                        + " rows need correcting. Nothing was changed.");
                model.addAttribute("problems", read.problems());
            }
        } catch (Refusal.Invalid e) {
            model.addAttribute("error", e.getMessage());
        }
        return page(model);
    }
}
