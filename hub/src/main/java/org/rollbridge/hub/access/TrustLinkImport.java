package org.rollbridge.hub.access;

import java.io.Reader;
import org.rollbridge.hub.Refusal;
import org.rollbridge.hub.audit.AuditAction;
import org.rollbridge.hub.audit.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the DfE's establishment and trust-links file ({@link EstablishmentLinks}): each school it names gets its
 * name, URN and phase, and its trust memberships replaced by the file's, in one transaction. A file with any bad
 * row changes nothing; the administrator gets every bad row back.
 */
@Service
public class TrustLinkImport {

    private final OrganisationLinkStore links;
    private final SchoolStore schools;
    private final AuditLog audit;

    public TrustLinkImport(OrganisationLinkStore links, SchoolStore schools, AuditLog audit) {
        this.links = links;
        this.schools = schools;
        this.audit = audit;
    }

    /** The file read; when it has problems nothing was stored. */
    @Transactional
    public EstablishmentLinks.Read load(HubUser admin, String fileName, Reader file) {
        EstablishmentLinks.Read read = EstablishmentLinks.read(file);
        if (!read.problems().isEmpty()) {
            return read;
        }
        if (read.schools().isEmpty()) {
            throw new Refusal.Invalid("The file has a header but no schools: upload the file with its rows");
        }
        for (EstablishmentLinks.School school : read.schools()) {
            schools.describe(school.laestab(), school.name(), school.urn(), school.phase());
            links.removeTrustLinks(school.laestab());
            for (EstablishmentLinks.Membership m : school.memberships()) {
                Organisation trust = Organisation.trust(m.uid());
                links.name(trust, m.trustName());
                links.add(new OrganisationLink(school.laestab(), trust, m.joined(), m.left()));
            }
        }
        audit.record(admin, AuditAction.TRUST_LINKS_LOADED, fileName, null, read.schools().size() + " schools, "
                + read.links() + " trust links");
        return read;
    }
}
