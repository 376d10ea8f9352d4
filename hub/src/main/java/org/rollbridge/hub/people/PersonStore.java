package org.rollbridge.hub.people;

import java.util.UUID;
import org.rollbridge.hub.HubProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Writes the LA's person index: persons and the identifiers that lead to them, with where each came from. */
@Component
public class PersonStore {

    private final JdbcClient db;
    private final HubProperties settings;

    public PersonStore(JdbcClient db, HubProperties settings) {
        this.db = db;
        this.settings = settings;
    }

    /** Adds a person, or updates the one with the same register id; returns the person id. */
    long upsert(PersonIndex.Person p, String origin) {
        return db.sql("""
                insert into persons (la, register_id, legal_forename, legal_surname, dob, sex, postcode, origin)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (la, register_id) do update set legal_forename = excluded.legal_forename,
                    legal_surname = excluded.legal_surname, dob = excluded.dob, sex = excluded.sex,
                    postcode = excluded.postcode
                returning id""")
                .params(settings.la(), p.registerId(), p.legalForename(), p.legalSurname(), p.dob(), p.sex(),
                        p.postcode(), origin)
                .query(Long.class).single();
    }

    /** Records an identifier leading to a person unless it is known already; true when it is new. */
    boolean identify(long person, String kind, String value, String rule, Double score, UUID batch,
                     String confirmedBy) {
        return db.sql("""
                insert into person_identifiers (la, kind, value, person_id, batch_id, rule, score, confirmed_by)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (la, kind, value) do nothing""")
                .params(settings.la(), kind, value, person, batch, rule, score, confirmedBy).update() == 1;
    }
}
