package org.rollbridge.hub.people;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.rollbridge.hub.HubProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finding pupils in the schools' CTFs by name, date of birth, UPN and school, any of them together. Names are
 * compared folded (no accents, lower case) by trigram similarity, so "Zoe Bronte" finds Zoë Brontë and "Jon Smyth"
 * finds John Smith; a surname alone finds the whole name by word similarity. It reads every pupil of the LA: who
 * may see which of them is the caller's to decide, with {@code Visibility}.
 */
@Component
public class PupilSearchQuery {

    /** Names at least this similar are offered: "Jon Smyth" to John Smith scores 0.31. */
    static final double SIMILAR = 0.28;

    private final JdbcClient db;
    private final HubProperties settings;

    public PupilSearchQuery(JdbcClient db, HubProperties settings) {
        this.db = db;
        this.settings = settings;
    }

    /** What is asked; null or blank fields match anything, and at least one must be given. */
    public record Terms(String name, LocalDate dob, String upn, String laestab) {

        public boolean empty() {
            return blank(name) && dob == null && blank(upn) && blank(laestab);
        }
    }

    /** A pupil as their latest school record says, with the school's name where the hub knows it. */
    public record Found(long personId, String forename, String surname, LocalDate dob, String ncYear, String upn,
                        String laestab, String schoolName) {
    }

    /** The pupils matching, most similar name first, each once (their latest record), at most {@code limit}. */
    public List<Found> find(Terms terms, int limit) {
        List<String> where = new ArrayList<>(List.of("p.la = ?"));
        List<Object> params = new ArrayList<>(List.of(settings.la()));
        String score = "1.0";
        if (!blank(terms.name())) {
            String folded = "fold_name(coalesce(p.forename, '') || ' ' || coalesce(p.surname, ''))";
            score = "greatest(similarity(" + folded + ", fold_name(?)), word_similarity(fold_name(?), " + folded + "))";
            where.add(score + " >= ?");
            params.addAll(List.of(terms.name().strip(), terms.name().strip(), SIMILAR));
        }
        if (terms.dob() != null) {
            where.add("p.dob = ?");
            params.add(terms.dob());
        }
        if (!blank(terms.upn())) {
            where.add("p.upn = ?");
            params.add(terms.upn().strip().toUpperCase(java.util.Locale.ROOT));
        }
        if (!blank(terms.laestab())) {
            where.add("p.laestab = ?");
            params.add(terms.laestab().strip());
        }
        List<Object> all = new ArrayList<>();
        if (!blank(terms.name())) {
            all.addAll(List.of(terms.name().strip(), terms.name().strip()));
        }
        all.addAll(params);
        all.add(limit);
        return db.sql("""
                select * from (
                    select distinct on (p.person_id) p.person_id, p.forename, p.surname, p.dob, p.nc_year, p.upn,
                           p.laestab, s.name school_name, %s score
                    from pupils p left join schools s on s.laestab = p.laestab
                    where %s
                    order by p.person_id, score desc, p.updated_at desc) found
                order by score desc, surname, forename, person_id limit ?""".formatted(score, String.join(" and ", where)))
                .params(all)
                .query((rs, n) -> new Found(rs.getLong("person_id"), rs.getString("forename"), rs.getString("surname"),
                        rs.getObject("dob", LocalDate.class), rs.getString("nc_year"), rs.getString("upn"),
                        rs.getString("laestab").strip(), rs.getString("school_name")))
                .list();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
