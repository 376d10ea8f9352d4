package org.rollbridge.synth;

import java.time.LocalDate;
import java.util.List;

/** Everything decided for the whole LA before any school is written. */
record Plan(Settings settings, Seeds seeds, LaArea area, PhaseTargets targets, SchoolCatalogue catalogue,
            TermDates terms, LocalDate snowDay, List<SchoolCalendar> calendars, Population population,
            Movements movements) {

    SchoolCalendar calendar(School s) {
        return calendars.get(s.index());
    }

    static Plan make(Settings settings) {
        Seeds seeds = new Seeds(settings.seed());
        LaArea area = LaArea.of(settings.la());
        PhaseTargets targets = PhaseTargets.forLa(settings.la());
        SchoolCatalogue catalogue = SchoolCatalogue.build(settings, area, seeds);
        TermDates terms = TermDates.of(settings.academicYear());
        // One LA-wide snow day in January or February, when some rural schools cannot open.
        LocalDate snow = LocalDate.of(settings.academicYear() + 1, 1, 12)
                .plusDays(seeds.random("weather").nextInt(35));
        List<SchoolCalendar> calendars = catalogue.schools().stream()
                .map(s -> SchoolCalendar.build(s, terms, snow, settings, seeds.random("calendar:" + s.code())))
                .toList();
        Population population = Population.build(settings, catalogue, area, targets, seeds);
        Movements movements = Movements.plan(settings, catalogue, population, terms, seeds);
        Identifiers.assign(population, catalogue, settings, movements, seeds);
        return new Plan(settings, seeds, area, targets, catalogue, terms, snow, calendars, population, movements);
    }
}
