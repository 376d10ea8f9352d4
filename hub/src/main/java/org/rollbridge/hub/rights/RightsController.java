package org.rollbridge.hub.rights;

import jakarta.servlet.http.HttpServletRequest;
import org.rollbridge.hub.access.Caller;
import org.rollbridge.hub.access.CredentialFilter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * People's rights on the machine API, for the LA administrator's token: subject access (the pack as a zip of HTML and
 * JSON) and erasure on a recorded decision.
 */
@RestController
public class RightsController {

    private final SubjectAccess subjectAccess;
    private final Erasure erasure;

    public RightsController(SubjectAccess subjectAccess, Erasure erasure) {
        this.subjectAccess = subjectAccess;
        this.erasure = erasure;
    }

    /** The decision to erase: its reason (legal basis) and the request's reference. */
    public record ErasureRequest(String reason, String reference) {
    }

    @PostMapping("/api/v1/persons/{id}/erasure")
    public Erasure.ErasureDecision erase(@PathVariable long id, @RequestBody(required = false) ErasureRequest body,
                                  HttpServletRequest request) {
        Caller caller = CredentialFilter.callerOf(request);
        caller.requireAdmin();
        return erasure.erase(id, body == null ? null : body.reason(), body == null ? null : body.reference(),
                caller.name(), "LA_ADMIN");
    }

    /** Why the pack is produced, e.g. the request's reference; kept in the audit log. */
    public record SubjectAccessRequest(String reason) {
    }

    @PostMapping("/api/v1/persons/{id}/subject-access")
    public ResponseEntity<byte[]> produce(@PathVariable long id, @RequestBody(required = false) SubjectAccessRequest body,
                                          HttpServletRequest request) {
        Caller caller = CredentialFilter.callerOf(request);
        caller.requireAdmin();
        return zip(subjectAccess, subjectAccess.produce(id, caller.name(), "LA_ADMIN",
                body == null ? null : body.reason()));
    }

    /** The pack as a download, for the API and the pupil page alike. */
    public static ResponseEntity<byte[]> zip(SubjectAccess subjectAccess, SubjectAccess.Pack pack) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(SubjectAccess.fileName(pack, "zip")).build().toString())
                .body(subjectAccess.zip(pack));
    }
}
