package org.rollbridge.hub.people;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.rollbridge.hub.HubProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;

/**
 * Records held back because no person matched them. When the person index gains a person (from the register
 * or a confirmed review), the records held for their UPN are released into the LA's tables.
 */
@Service
public class HeldRecords {

    private final JdbcClient db;
    private final DataSource dataSource;
    private final HubProperties settings;
    private final List<HeldRelease> releases;

    public HeldRecords(JdbcClient db, DataSource dataSource, HubProperties settings,
                       List<HeldRelease> releases) {
        this.db = db;
        this.dataSource = dataSource;
        this.settings = settings;
        this.releases = releases;
    }

    /** Releases every record held as unmatched under this UPN to the person; runs in the caller's transaction. */
    public int releaseFor(String upn, long personId) {
        if (upn == null || upn.isBlank()) {
            return 0;
        }
        List<Map<String, Object>> rows = db.sql("""
                select id, batch_id, laestab, feed, payload::text as payload from held_records
                where la = ? and upn = ? and status = 'held' and reason in ('UNMATCHED', 'REVIEW')
                order by id for update""")
                .params(settings.la(), upn.strip()).query().listOfRows();
        for (Map<String, Object> row : rows) {
            UUID batch = (UUID) row.get("batch_id");
            String laestab = (String) row.get("laestab");
            String feed = (String) row.get("feed");
            String payload = (String) row.get("payload");
            db.sql("select pg_advisory_xact_lock(hashtext(?))").param("school-" + laestab).query().singleRow();
            HeldRelease release = releases.stream().filter(r -> r.feed().equals(feed)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No release for held " + feed + " records"));
            release.release(batch, laestab, upn.strip(), personId, payload, DataSourceUtils.getConnection(dataSource));
            db.sql("update held_records set status = 'released', released_at = now(), person_id = ? where id = ?")
                    .params(personId, row.get("id")).update();
        }
        return rows.size();
    }

    /** Puts one kind of held record into the LA's tables once its person is known. */
    public interface HeldRelease {
        String feed();

        void release(UUID batchId, String laestab, String upn, long personId, String payload, Connection c);
    }
}
