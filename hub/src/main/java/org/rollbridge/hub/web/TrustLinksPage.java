package org.rollbridge.hub.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.Optional;
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

/**
 * Schools and their dated trust membership, loaded from the DfE's establishment and trust-links CSV
 * ({@link TrustLinkImport}); a file with bad rows is refused whole and each row's problem listed.
 */
@Hidden
@Controller
public class TrustLinksPage {

    /** The DfE's file for every school in England is about 25 MB; an LA's extract is far smaller. */
    static final int MAX_BYTES = 32 * 1_048_576;
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
    public String load(HttpServletRequest request, Authentication authentication, Model model) throws IOException {
        Optional<UploadedFile> upload;
        try {
            upload = UploadedFile.from(request, "file", MAX_BYTES);
        } catch (Refusal.Invalid e) {
            model.addAttribute("error", e.getMessage());
            return page(model);
        }
        if (upload.isEmpty()) {
            model.addAttribute("error", "Choose the establishment and trust-links CSV file to upload");
            return page(model);
        }
        UploadedFile file = upload.get();
        try (Reader reader = new InputStreamReader(new ByteArrayInputStream(file.bytes()), StandardCharsets.UTF_8)) {
            EstablishmentLinks.Read read = imports.load(SignedIn.user(authentication), file.name(), reader);
            if (read.problems().isEmpty()) {
                model.addAttribute("done", "Loaded " + read.schools().size() + " schools and " + read.links()
                        + " trust links from " + file.name());
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
