package org.rollbridge.hub.access;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.rollbridge.hub.HubProperties;
import org.rollbridge.hub.VisibilitySettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The organisation graph as stored. A school with no dated LA link belongs to the hub's own LA throughout, so a
 * hub that never recorded conversions still answers correctly for its maintained schools.
 */
@Service
public class Organisations {

    private static final LocalDate ALWAYS = LocalDate.of(1900, 1, 1);
    private final JdbcClient db;
    private final HubProperties settings;
    private final int tailDays;

    public Organisations(JdbcClient db, HubProperties settings, VisibilitySettings visibility) {
        this.db = db;
        this.settings = settings;
        this.tailDays = visibility.schoolTailDays();
    }

    public void link(String school, Organisation parent, LocalDate from, LocalDate to) {
        new OrganisationLink(school, parent, from, to);
        db.sql("""
                insert into organisation_links (la, school, parent_kind, parent_code, from_date, to_date)
                values (?, ?, ?, ?, ?, ?)""")
                .params(settings.la(), school, parent.kind().name(), parent.code(), from, to).update();
    }

    public OrganisationGraph graph() {
        List<OrganisationLink> links = new ArrayList<>(db.sql(
                "select school, parent_kind, parent_code, from_date, to_date from organisation_links")
                .query((rs, n) -> new OrganisationLink(rs.getString("school").strip(), new Organisation(
                        OrganisationKind.valueOf(rs.getString("parent_kind")), rs.getString("parent_code")),
                        rs.getObject("from_date", LocalDate.class), rs.getObject("to_date", LocalDate.class)))
                .list());
        db.sql("""
                select laestab from schools s where not exists (
                    select 1 from organisation_links l where l.school = s.laestab and l.parent_kind = 'LA')""")
                .query(String.class).list()
                .forEach(school -> links.add(new OrganisationLink(school.strip(), Organisation.la(settings.la()),
                        ALWAYS, null)));
        return new OrganisationGraph(links);
    }

    public Visibility visibility() {
        return new Visibility(graph(), tailDays);
    }
}
