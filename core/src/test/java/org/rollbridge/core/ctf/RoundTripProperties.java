package org.rollbridge.core.ctf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.rollbridge.core.code.CodeList;
import org.rollbridge.core.code.Coded;
import org.rollbridge.core.code.EnrolStatus;
import org.rollbridge.core.code.Ethnicity;
import org.rollbridge.core.code.NcYear;
import org.rollbridge.core.code.SenNeed;
import org.rollbridge.core.code.SenProvision;
import org.rollbridge.core.code.Sex;
import org.rollbridge.core.pupil.Address;
import org.rollbridge.core.pupil.AttendanceYear;
import org.rollbridge.core.pupil.Contact;
import org.rollbridge.core.pupil.FsmPeriod;
import org.rollbridge.core.pupil.LookedAfter;
import org.rollbridge.core.pupil.Phone;
import org.rollbridge.core.pupil.Pupil;
import org.rollbridge.core.pupil.RankedNeed;
import org.rollbridge.core.pupil.RecordedDate;
import org.rollbridge.core.pupil.SenProvisionPeriod;

/**
 * Write then read gives the same records. Generated values cover what schools really send, including unknown
 * codes, impossible dates, markup characters, carriage returns and characters outside the Basic Multilingual
 * Plane. The reader strips the ends of values and reads blank as absent, so generated texts are non-blank and
 * have no whitespace at their ends (marks strings excepted: their spaces are kept).
 */
class RoundTripProperties {

    @Property(tries = 300)
    void writeThenReadGivesEqualPupils(@ForAll("headers") CtfHeader header, @ForAll("pupilLists") List<Pupil> pupils)
            throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CtfWriter writer = new CtfWriter(out, header)) {
            pupils.forEach(writer::write);
        }
        List<Pupil> read = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        CtfHeader readHeader = CtfReader.read(new ByteArrayInputStream(out.toByteArray()), "generated.xml",
                (p, where) -> {
                    read.add(p);
                    positions.add(where.index());
                });

        assertThat(read).isEqualTo(pupils);
        assertThat(readHeader).isEqualTo(header);
        assertThat(positions).isEqualTo(java.util.stream.IntStream.rangeClosed(1, pupils.size()).boxed().toList());
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        try (CtfWriter writer = new CtfWriter(again, readHeader)) {
            read.forEach(writer::write);
        }
        assertThat(again.toByteArray()).isEqualTo(out.toByteArray());
    }

    @Provide
    Arbitrary<List<Pupil>> pupilLists() {
        return pupils().list().ofMaxSize(4);
    }

    @Provide
    Arbitrary<CtfHeader> headers() {
        Arbitrary<String> t = text().injectNull(0.2);
        return Combinators.combine(Arbitraries.of("Common Transfer File"), Arbitraries.of("25.0", "16.0", "21.0"),
                        t, Arbitraries.of("full", "partial"), t, Arbitraries.of("926", "801"), Arbitraries.of("2001", "MMM"),
                        t)
                .flatAs((name, version, dateTime, qualifier, supplier, lea, estab, urn) ->
                        Combinators.combine(t, t, t, t).as((school, year, destLea, destEstab) -> new CtfHeader(name,
                                version, dateTime, qualifier, supplier, lea, estab, urn, school, year, destLea,
                                destEstab)));
    }

    Arbitrary<Pupil> pupils() {
        Arbitrary<String> t = text().injectNull(0.3);
        return Builders.withBuilder(Pupil::builder)
                .use(t).in(Pupil.Builder::upn)
                .use(t).in(Pupil.Builder::uln)
                .use(text().list().ofMaxSize(2)).in(Pupil.Builder::formerUpns)
                .use(t).in(Pupil.Builder::surname)
                .use(t).in(Pupil.Builder::forename)
                .use(t).in(Pupil.Builder::middleNames)
                .use(t).in(Pupil.Builder::preferredSurname)
                .use(t).in(Pupil.Builder::preferredForename)
                .use(text().list().ofMaxSize(2)).in(Pupil.Builder::formerSurnames)
                .use(dates()).in(Pupil.Builder::dob)
                .use(coded(Sex.class)).in((b, v) -> b.sex(v))
                .use(coded(Sex.class)).in((b, v) -> b.gender(v))
                .use(coded(Ethnicity.class)).in((b, v) -> b.ethnicity(v))
                .use(t).in(Pupil.Builder::ethnicitySource)
                .use(t).in(Pupil.Builder::firstLanguage)
                .use(t).in(Pupil.Builder::religion)
                .use(t).in(Pupil.Builder::nationality)
                .use(t).in(Pupil.Builder::residenceStatus)
                .use(coded(NcYear.class)).in((b, v) -> b.ncYear(v))
                .use(coded(EnrolStatus.class)).in((b, v) -> b.enrolStatus(v))
                .use(dates()).in((b, v) -> b.admissionDate(v))
                .use(dates()).in((b, v) -> b.leavingDate(v))
                .use(t).in(Pupil.Builder::leavingDestination)
                .use(flags()).in(Pupil.Builder::partTime)
                .use(flags()).in(Pupil.Builder::medicalFlag)
                .use(Combinators.combine(flags(), t).as(LookedAfter::new).injectNull(0.5)).in(Pupil.Builder::lookedAfter)
                .use(Combinators.combine(dates(), dates(), t).as(FsmPeriod::new).list().ofMaxSize(2))
                .in(Pupil.Builder::fsmHistory)
                .use(Combinators.combine(dates(), dates(), coded(SenProvision.class)).as(SenProvisionPeriod::new)
                        .list().ofMaxSize(2)).in(Pupil.Builder::senProvisions)
                .use(Combinators.combine(coded(SenNeed.class), numbers()).as(RankedNeed::new).list().ofMaxSize(2))
                .in(Pupil.Builder::senNeeds)
                .use(addresses().injectNull(0.3)).in(Pupil.Builder::address)
                .use(contacts().list().ofMaxSize(2)).in(Pupil.Builder::contacts)
                .use(years().list().ofMaxSize(2)).in(Pupil.Builder::attendance)
                .build(Pupil.Builder::build);
    }

    Arbitrary<Address> addresses() {
        Arbitrary<String> t = text().injectNull(0.5);
        return Combinators.combine(t, t, t, t, t, t, t, t)
                .flatAs((saon, paon, street, locality, town, area, postTown, uprn) ->
                        Combinators.combine(text().list().ofMaxSize(3), t, Arbitraries.of(true, false))
                                .as((lines, postcode, asPupil) -> new Address(saon, paon, street, locality, town,
                                        area, postTown, uprn, lines, postcode, asPupil)));
    }

    Arbitrary<Contact> contacts() {
        Arbitrary<String> t = text().injectNull(0.3);
        Arbitrary<List<Phone>> phones = Combinators.combine(t, t).as(Phone::new).list().ofMaxSize(2);
        return Combinators.combine(numbers(), t, t, t, t, flags(), flags(), addresses().injectNull(0.5))
                .flatAs((order, title, surname, forename, relationship, pr, court, address) ->
                        Combinators.combine(phones, t).as((ph, email) -> new Contact(order, title, surname, forename,
                                relationship, pr, court, address, ph, email)));
    }

    Arbitrary<AttendanceYear> years() {
        Arbitrary<String> t = text().injectNull(0.3);
        Arbitrary<String> marks = Arbitraries.strings().withChars("/\\LKVPWBCMJSTRIEGNOUDXZ#QY -")
                .ofMinLength(1).ofMaxLength(60).injectNull(0.3);
        return Combinators.combine(numbers(), t, t, t, numbers(), numbers(), numbers(), numbers())
                .flatAs((year, la, estab, school, possible, authorised, attended, unauthorised) ->
                        Combinators.combine(dates(), marks).as((start, m) -> new AttendanceYear(year, la, estab,
                                school, possible, authorised, attended, unauthorised, start, m)));
    }

    /** Non-blank text without whitespace at its ends, including XML markup and non-ASCII characters. */
    Arbitrary<String> text() {
        Arbitrary<String> plain = Arbitraries.strings().withChars("abcXYZ09 -'&<>\"\r\n\té€")
                .withCharRange('\u4e00', '\u4e05').ofMinLength(1).ofMaxLength(12);
        return Arbitraries.oneOf(plain, Arbitraries.of("\uD83D\uDE00 emoji", "]]>", "a&amp;b", "O'Brien-Smith"))
                .map(String::strip).filter(s -> !s.isEmpty());
    }

    Arbitrary<RecordedDate> dates() {
        Arbitrary<RecordedDate> real = Arbitraries.integers().between(0, 20_000)
                .map(d -> RecordedDate.of(LocalDate.ofEpochDay(d)));
        Arbitrary<RecordedDate> raw = Arbitraries.of("2015-02-30", "14/05/2016", "2016-05-14T00:00:00", "unknown")
                .map(RecordedDate::of);
        return Arbitraries.oneOf(real, raw, Arbitraries.just(RecordedDate.absent()));
    }

    <E extends Enum<E> & CodeList> Arbitrary<Coded<E>> coded(Class<E> type) {
        Arbitrary<Coded<E>> known = Arbitraries.of(type).map(Coded::of);
        Arbitrary<Coded<E>> raw = Arbitraries.of("zz", "QQQ", "m", "9").map(s -> Coded.of(type, s));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, known), net.jqwik.api.Tuple.of(1, raw),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Coded.<E>absent())));
    }

    Arbitrary<Integer> numbers() {
        return Arbitraries.integers().between(-5, 100_000).injectNull(0.3);
    }

    Arbitrary<Boolean> flags() {
        return Arbitraries.of(true, false).injectNull(0.3);
    }
}
