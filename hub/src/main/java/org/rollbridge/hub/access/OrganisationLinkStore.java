package org.rollbridge.hub.access;

import java.time.LocalDate;
import java.util.List;
import org.rollbridge.hub.HubProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The organisation_links rows: a school's dated links to its LA, trust or other parent. */
@Component
public class OrganisationLinkStore {

    private final JdbcClient db;
    private final HubProperties settings;

    public OrganisationLinkStore(JdbcClient db, HubProperties settings) {
        this.db = db;
        this.settings = settings;
    }

    public void add(OrganisationLink link) {
        db.sql("""
                insert into organisation_links (la, school, parent_kind, parent_code, from_date, to_date)
                values (?, ?, ?, ?, ?, ?)""")
                .params(settings.la(), link.school(), link.parent().kind().name(), link.parent().code(),
                        link.from(), link.to()).update();
    }

    /** Forgets the school's trust links, before the DfE's file gives them again; its LA links stay. */
    public void removeTrustLinks(String school) {
        db.sql("delete from organisation_links where school = ? and parent_kind = 'TRUST'").param(school).update();
    }

    /** Records an organisation's name (a trust's, from the DfE's file), keeping its row when known. */
    public void name(Organisation organisation, String name) {
        db.sql("""
                insert into organisations (la, kind, code, name) values (?, ?, ?, ?)
                on conflict (kind, code) do update set name = excluded.name""")
                .params(settings.la(), organisation.kind().name(), organisation.code(), name).update();
    }

    /** An organisation's recorded name, if it has one. */
    public java.util.Optional<String> nameOf(Organisation organisation) {
        return db.sql("select name from organisations where kind = ? and code = ? and name is not null")
                .params(organisation.kind().name(), organisation.code()).query(String.class).optional();
    }

    public List<OrganisationLink> all() {
        return db.sql("select school, parent_kind, parent_code, from_date, to_date from organisation_links")
                .query((rs, n) -> new OrganisationLink(rs.getString("school").strip(), new Organisation(
                        OrganisationKind.valueOf(rs.getString("parent_kind")), rs.getString("parent_code")),
                        rs.getObject("from_date", LocalDate.class), rs.getObject("to_date", LocalDate.class)))
                .list();
    }

    /** The schools the hub knows that have no link to an LA, by LAESTAB. */
    public List<String> schoolsWithoutLa() {
        return db.sql("""
                select laestab from schools s where not exists (
                    select 1 from organisation_links l where l.school = s.laestab and l.parent_kind = 'LA')""")
                .query(String.class).list().stream().map(String::strip).toList();
    }
}
