package org.rollbridge.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import no.priv.garshol.duke.ConfigurationImpl;
import no.priv.garshol.duke.DataSource;
import no.priv.garshol.duke.Processor;
import no.priv.garshol.duke.Property;
import no.priv.garshol.duke.PropertyImpl;
import no.priv.garshol.duke.Record;
import no.priv.garshol.duke.RecordImpl;
import no.priv.garshol.duke.comparators.ExactComparator;
import no.priv.garshol.duke.comparators.JaroWinkler;
import no.priv.garshol.duke.comparators.Levenshtein;
import no.priv.garshol.duke.databases.LuceneDatabase;
import no.priv.garshol.duke.datasources.InMemoryDataSource;
import no.priv.garshol.duke.matchers.AbstractMatchListener;
import org.rollbridge.core.matching.MatchDecision;
import org.rollbridge.core.matching.MatchPerson;
import org.rollbridge.core.matching.MatchResult;
import org.rollbridge.core.matching.MatchRule;
import org.rollbridge.core.matching.NameKey;
import org.rollbridge.core.identity.Postcode;

/**
 * The same matching done by Duke, a Lucene-based record linkage engine, configured as its documentation
 * suggests for people: Jaro-Winkler on names, Levenshtein on the date of birth (typos), exact postcode, sex
 * and UPN (current and former), with Bayesian low/high probabilities per property. Duke's "match" becomes a
 * link, its "maybe" a review, no match new. Names get the same normalisation as ours so the comparison is fair.
 */
final class DukeBaseline {

    static final double LINK = 0.90;
    static final double MAYBE = 0.75;

    List<MatchResult> match(List<MatchPerson> register, List<MatchPerson> incoming) {
        ConfigurationImpl config = new ConfigurationImpl();
        List<Property> properties = new ArrayList<>();
        properties.add(new PropertyImpl("ID"));
        properties.add(new PropertyImpl("UPN", new ExactComparator(), 0.2, 0.99));
        properties.add(new PropertyImpl("ULN", new ExactComparator(), 0.3, 0.98));
        properties.add(new PropertyImpl("FORENAME", new JaroWinkler(), 0.2, 0.9));
        properties.add(new PropertyImpl("SURNAME", new JaroWinkler(), 0.2, 0.9));
        properties.add(new PropertyImpl("DOB", new Levenshtein(), 0.1, 0.95));
        properties.add(new PropertyImpl("SEX", new ExactComparator(), 0.3, 0.55));
        properties.add(new PropertyImpl("POSTCODE", new ExactComparator(), 0.4, 0.8));
        config.setProperties(properties);
        config.setThreshold(LINK);
        config.setMaybeThreshold(MAYBE);
        config.addDataSource(1, source(register));
        config.addDataSource(2, source(incoming));
        LuceneDatabase database = new LuceneDatabase();
        database.setConfiguration(config);
        database.setMaxSearchHits(20);
        config.setDatabase(database);

        Map<String, MatchResult> results = new HashMap<>();
        Processor processor = new Processor(config, database);
        processor.setThreads(Runtime.getRuntime().availableProcessors());
        processor.addMatchListener(new AbstractMatchListener() {
            @Override
            public void matches(Record r1, Record r2, double confidence) {
                put(r1, r2, MatchDecision.LINK, confidence);
            }

            @Override
            public void matchesPerhaps(Record r1, Record r2, double confidence) {
                put(r1, r2, MatchDecision.REVIEW, confidence);
            }

            private synchronized void put(Record r1, Record r2, MatchDecision decision, double confidence) {
                // In link mode r1 is the incoming record, r2 the register's; keep the most confident answer.
                String incomingId = r1.getValue("ID");
                MatchResult previous = results.get(incomingId);
                if (previous == null || previous.score() < confidence) {
                    results.put(incomingId, new MatchResult(incomingId, r2.getValue("ID"), decision,
                            MatchRule.PROBABILISTIC, confidence, null, null));
                }
            }
        });
        processor.link(config.getDataSources(1), config.getDataSources(2), false, 10_000);
        processor.close();

        List<MatchResult> ordered = new ArrayList<>(incoming.size());
        for (MatchPerson p : incoming) {
            ordered.add(results.getOrDefault(p.id(), new MatchResult(p.id(), null, MatchDecision.NEW, null, null,
                    null, null)));
        }
        return ordered;
    }

    private static DataSource source(Collection<MatchPerson> people) {
        InMemoryDataSource source = new InMemoryDataSource();
        for (MatchPerson p : people) {
            RecordImpl r = new RecordImpl();
            r.addValue("ID", p.id());
            add(r, "UPN", p.upn());
            p.formerUpns().forEach(u -> add(r, "UPN", u));
            add(r, "ULN", p.uln());
            add(r, "FORENAME", NameKey.of(p.legalForename()));
            add(r, "FORENAME", NameKey.of(p.preferredForename()));
            add(r, "SURNAME", NameKey.of(p.legalSurname()));
            add(r, "SURNAME", NameKey.of(p.preferredSurname()));
            add(r, "DOB", p.birthDate() == null ? null : p.birthDate().toString().replace("-", ""));
            add(r, "SEX", p.sex());
            add(r, "POSTCODE", Postcode.normalise(p.postcode()));
            source.add(r);
        }
        return source;
    }

    private static void add(RecordImpl r, String property, String value) {
        if (value != null && !value.isBlank() && (r.getValues(property) == null || !r.getValues(property).contains(value))) {
            r.addValue(property, value.strip());
        }
    }
}
