package org.rollbridge.hub.people;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rollbridge.core.matching.MatchPerson;
import org.rollbridge.core.matching.MatchRule;
import org.rollbridge.core.matching.ReviewDecision;
import org.rollbridge.core.matching.SchoolAnswer;
import org.rollbridge.hub.HubProperties;
import org.rollbridge.hub.people.ReviewQueue.Item;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the matching review queue: each item with its held record and candidate person side by side. */
@Component
public class ReviewQueueQuery {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient db;
    private final HubProperties settings;

    public ReviewQueueQuery(JdbcClient db, HubProperties settings) {
        this.db = db;
        this.settings = settings;
    }

    private static final String SELECT = """
            select q.id, q.held_record_id, q.candidate_person_id, q.rule, q.score, q.why, q.status,
                   q.field_weights::text as weights, q.decided_by, q.decided_at, q.decision_reason, q.created_at,
                   h.laestab, h.reason, h.payload::text as payload, a.answer, a.previously_at,
                   p.register_id, p.legal_forename, p.legal_surname, p.dob, p.sex, p.postcode,
                   array(select value from person_identifiers where person_id = p.id and kind = 'UPN'
                         order by created_at) as upns,
                   array(select value from person_identifiers where person_id = p.id and kind = 'FORMER_UPN')
                       as former,
                   (select min(value) from person_identifiers where person_id = p.id and kind = 'ULN') as uln
            from review_queue q join held_records h on h.id = q.held_record_id
            left join persons p on p.id = q.candidate_person_id
            left join held_answers a on a.held_record_id = h.id
            """;

    /** The open items, oldest first, at most {@code limit} (1 to 500). */
    List<Item> open(int limit) {
        return db.sql(SELECT + " where q.la = ? and q.status = 'open' order by q.id limit ?")
                .params(settings.la(), Math.max(1, Math.min(limit, 500))).query((rs, n) -> item(rs)).list();
    }

    Optional<Item> item(long id) {
        return db.sql(SELECT + " where q.la = ? and q.id = ?").params(settings.la(), id)
                .query((rs, n) -> item(rs)).optional();
    }

    private static Item item(ResultSet rs) throws SQLException {
        JsonNode payload = JSON.readTree(rs.getString("payload"));
        List<String> formerIn = new ArrayList<>();
        payload.path("former_upns").forEach(f -> formerIn.add(f.asString()));
        JsonNode record = payload.path("record");
        MatchPerson incoming = MatchPerson.builder("incoming").upn(text(payload, "upn")).formerUpns(formerIn)
                .uln(text(payload, "uln")).forename(text(payload, "forename")).surname(text(payload, "surname"))
                .preferredForename(text(record, "preferredForename")).preferredSurname(text(record, "preferredSurname"))
                .birthDate(text(payload, "dob") == null ? null : LocalDate.parse(text(payload, "dob")))
                .sex(text(payload, "sex")).postcode(text(payload, "postcode")).build();
        long candidateId = rs.getLong("candidate_person_id");
        boolean hasCandidate = !rs.wasNull();
        MatchPerson candidate = null;
        if (hasCandidate) {
            candidate = MatchRegisterQuery.registered("candidate", rs);
        }
        double[] stored = null;
        String weights = rs.getString("weights");
        if (weights != null && !weights.equals("null")) {
            JsonNode w = JSON.readTree(weights);
            stored = new double[w.size()];
            for (int i = 0; i < w.size(); i++) {
                stored[i] = w.get(i).asDouble();
            }
        }
        BigDecimal score = rs.getBigDecimal("score");
        String previouslyAt = rs.getString("previously_at");
        String schoolSays = SchoolAnswer.of(rs.getString("answer"))
                .map(a -> new SchoolAnswer.Answer(a, previouslyAt).says()).orElse(null);
        Timestamp decidedAt = rs.getTimestamp("decided_at");
        return new Item(rs.getLong("id"), rs.getLong("held_record_id"), rs.getString("laestab"), rs.getString("status"),
                rs.getString("rule"), score == null ? null : score.doubleValue(), rs.getString("why"),
                rs.getString("reason"), hasCandidate ? candidateId : null, rs.getString("register_id"),
                ReviewQueue.fields(incoming, candidate, stored), rs.getTimestamp("created_at").toInstant(),
                rs.getString("decided_by"), decidedAt == null ? null : decidedAt.toInstant(),
                rs.getString("decision_reason"), MatchRule.labelOf(rs.getString("rule")),
                ReviewDecision.statusLabel(rs.getString("status")), schoolSays);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isNull() || v.isMissingNode() || v.asString().isBlank() ? null : v.asString();
    }
}
