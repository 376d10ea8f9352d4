package org.rollbridge.hub.rights;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.rollbridge.hub.Refusal;
import org.rollbridge.hub.audit.AuditAction;
import org.rollbridge.hub.audit.AuditLog;
import org.springframework.stereotype.Service;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A subject access request answered in one go: everything the hub holds on one person, as a document a person can
 * read (HTML, self-contained) and the same content as JSON, in one zip. Every production is audited.
 */
@Service
public class SubjectAccess {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private final SubjectAccessQuery query;
    private final AuditLog audit;
    private final ITemplateEngine templates;
    private final Clock clock;

    public SubjectAccess(SubjectAccessQuery query, AuditLog audit, ITemplateEngine templates, Clock clock) {
        this.query = query;
        this.audit = audit;
        this.templates = templates;
        this.clock = clock;
    }

    /** One part of the pack: what it is, in words for the person, and its rows. */
    public record Section(String id, String title, String explanation, List<Map<String, Object>> rows) {
    }

    public record Pack(long personId, String producedAt, String producedBy, List<Section> sections) {
    }

    /** The sections, in the order the document shows them. */
    private record Part(String id, String title, String explanation, LongFunction<List<Map<String, Object>>> rows) {
    }

    private List<Part> parts() {
        return List.of(
                new Part("person", "You in the LA's index",
                        "The local authority keeps one entry per child, which every school's record is linked to.",
                        query::person),
                new Part("identifiers", "How your records were matched to you",
                        "Each identifier that leads to you, and the rule that linked it (UPN, ULN, date of birth and "
                                + "name, postcode and name, or a weighted comparison of every field), or the officer "
                                + "who confirmed it.", query::identifiers),
                new Part("schoolRecords", "What each school sent",
                        "Every school's latest version of your pupil record, as it sent it.", query::schoolRecords),
                new Part("rectifications", "Corrections the LA made to your record",
                        "Each time an LA officer corrected your record: what they changed, why, on what evidence, what "
                                + "the school had sent, and, once the school changed its own record, what it sent "
                                + "instead.", query::rectifications),
                new Part("enrolments", "Schools you were on the roll of", "Each time on a school's register.",
                        query::enrolments),
                new Part("attendance", "Attendance marks",
                        "One line per school and academic year: one character per morning or afternoon session "
                                + "from 1 August (docs/formats.md explains the codes).", query::attendance),
                new Part("markChanges", "Changes to attendance marks",
                        "Each time a school changed a mark it had already sent.", query::markChanges),
                new Part("exclusions", "Suspensions and exclusions", "As the schools reported them.",
                        query::exclusions),
                new Part("alerts", "Alerts and decisions",
                        "Situations the LA had to look into (for example absence or a missing destination), and "
                                + "every decision officers took on them.", query::alerts),
                new Part("heldRecords", "Records held back",
                        "Records a school sent that were not added to your entry straight away, and why.",
                        query::heldRecords),
                new Part("reviewDecisions", "Matching reviews",
                        "Where an officer decided whether a school's record was you.", query::reviewDecisions),
                new Part("socialCare", "Children's social care",
                        "What children's social care's list said about you.", query::socialCare),
                new Part("sharing", "Sharing with other organisations",
                        "Which agreements your data was shared under and when. The hub does not yet share records "
                                + "with other organisations, so there is nothing to list.", id -> List.of()),
                new Part("views", "Who looked at your records",
                        "Every time someone at the LA or a school opened your record, decided something about it, "
                                + "or produced this pack.", query::views),
                new Part("holds", "Legal holds",
                        "Times the LA kept your records past their retention period, and why.", query::holds));
    }

    /** Gathers and audits the pack; not found when the person is not in the index. */
    public Pack produce(long personId, String actor, String role, String reason) {
        if (query.person(personId).isEmpty()) {
            throw new Refusal.NotFound("There is no person " + personId + " in the LA's index");
        }
        audit.record(actor, role, AuditAction.SUBJECT_ACCESS, "person:" + personId, reason, "subject access pack",
                "ok");
        List<Section> sections = parts().stream().map(p -> new Section(p.id(), p.title(), p.explanation(),
                p.rows().apply(personId))).toList();
        return new Pack(personId, Instant.now(clock).toString(), actor, sections);
    }

    public byte[] json(Pack pack) {
        return JSON.writeValueAsBytes(pack);
    }

    /** The document: every value as text, a nested one (a school's record, a case's events) as indented JSON. */
    public byte[] html(Pack pack) {
        List<Section> shown = pack.sections().stream().map(s -> new Section(s.id(), s.title(), s.explanation(),
                s.rows().stream().map(SubjectAccess::text).toList())).toList();
        Context context = new Context();
        context.setVariable("pack", new Pack(pack.personId(), pack.producedAt(), pack.producedBy(), shown));
        return templates.process("subject-access", context).getBytes(StandardCharsets.UTF_8);
    }

    /** The document and the JSON file together: {@code subject-access-ID.html} and {@code subject-access-ID.json}. */
    public byte[] zip(Pack pack) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(fileName(pack, "html")));
            zip.write(html(pack));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(fileName(pack, "json")));
            zip.write(json(pack));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static Map<String, Object> text(Map<String, Object> row) {
        Map<String, Object> text = new java.util.LinkedHashMap<>();
        row.forEach((k, v) -> text.put(k, v instanceof Map<?, ?> || v instanceof List<?>
                ? JSON.writeValueAsString(v) : v == null ? "" : String.valueOf(v)));
        return text;
    }

    public static String fileName(Pack pack, String extension) {
        return "subject-access-" + pack.personId() + "." + extension;
    }
}
