package org.rollbridge.hub.rights;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.rollbridge.hub.HubProperties;
import org.rollbridge.hub.RightsSettings;
import org.rollbridge.hub.ingest.SuppressedIdentifiers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The suppression list: each identifier (UPN, former UPN, ULN) of an erased person, kept only as HMAC-SHA256 of
 * "LA:IDENTIFIER" under the hub's secret key ({@code ROLLBRIDGE_SUPPRESSION_KEY}). Unkeyed, a hash of a UPN could be
 * found again by hashing every well-formed UPN; keyed, the list names no one to whoever reads the database without
 * the key.
 */
@Component
public class SuppressionStore implements SuppressedIdentifiers {

    private static final String ALGORITHM = "HmacSHA256";
    private final JdbcClient db;
    private final HubProperties settings;
    private final SecretKeySpec key;

    public SuppressionStore(JdbcClient db, HubProperties settings, RightsSettings rights) {
        this.db = db;
        this.settings = settings;
        this.key = new SecretKeySpec(rights.suppressionKey().getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** Puts every identifier of the person on the suppression list under the decision; returns how many. */
    public int suppress(long personId, long decisionId) {
        record Identifier(String kind, String value) {
        }
        List<Identifier> identifiers = db.sql("""
                select distinct on (upper(value)) kind, value
                from (select kind, value from person_identifiers where la = ? and person_id = ?
                      union select 'UPN', upn from pupils where la = ? and person_id = ?
                      union select 'ULN', uln from pupils where la = ? and person_id = ? and uln is not null) ids
                order by upper(value), kind desc""")
                .params(settings.la(), personId, settings.la(), personId, settings.la(), personId)
                .query((rs, n) -> new Identifier(rs.getString(1), rs.getString(2))).list();
        return identifiers.stream().mapToInt(i -> db.sql("""
                insert into suppressed_identifiers (la, kind, value_hmac, decision_id) values (?, ?, ?, ?)
                on conflict (la, value_hmac) do nothing""")
                .params(settings.la(), i.kind(), hash(i.value()), decisionId).update()).sum();
    }

    @Override
    public Map<String, Long> erasures(Collection<String> identifiers) {
        Map<String, String> byHash = new HashMap<>();
        identifiers.stream().filter(i -> i != null && !i.isBlank())
                .forEach(i -> byHash.put(HexFormat.of().formatHex(hash(i)), i));
        Map<String, Long> erased = new HashMap<>();
        if (byHash.isEmpty()) {
            return erased;
        }
        db.sql("""
                select encode(value_hmac, 'hex'), decision_id from suppressed_identifiers
                where la = ? and value_hmac = any (select decode(h, 'hex') from unnest(?) h)""")
                .params(settings.la(), byHash.keySet().toArray(String[]::new))
                .query((rs, n) -> erased.put(byHash.get(rs.getString(1)), rs.getLong(2))).list();
        return erased;
    }

    private byte[] hash(String identifier) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal((settings.la() + ":" + identifier.strip().toUpperCase(Locale.ROOT))
                    .getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }
}
