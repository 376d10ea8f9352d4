package org.rollbridge.core.ctf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
import org.rollbridge.core.testing.Seed;
import org.rollbridge.core.testing.SeededCases;

/**
 * Write then read gives the same records. Generated values cover what schools really send, including unknown
 * codes, impossible dates, markup characters, carriage returns and characters outside the Basic Multilingual
 * Plane. The reader strips the ends of values and reads blank as absent, so generated texts are non-blank and
 * have no whitespace at their ends (marks strings excepted: their spaces are kept).
 */
class RoundTripProperties {

    @SeededCases(300)
    void writeThenReadGivesEqualPupils(Seed seed) throws Exception {
        CtfHeader header = header(seed);
        List<Pupil> pupils = seed.list(0, 4, () -> pupil(seed));
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

    static CtfHeader header(Seed seed) {
        return new CtfHeader("Common Transfer File", seed.pick("25.0", "16.0", "21.0"), text(seed, 0.2),
                seed.pick("full", "partial"), text(seed, 0.2), seed.pick("926", "801"), seed.pick("2001", "MMM"),
                text(seed, 0.2), text(seed, 0.2), text(seed, 0.2), text(seed, 0.2), text(seed, 0.2));
    }

    static Pupil pupil(Seed seed) {
        return Pupil.builder()
                .upn(text(seed, 0.3))
                .uln(text(seed, 0.3))
                .formerUpns(seed.list(0, 2, () -> text(seed)))
                .surname(text(seed, 0.3))
                .forename(text(seed, 0.3))
                .middleNames(text(seed, 0.3))
                .preferredSurname(text(seed, 0.3))
                .preferredForename(text(seed, 0.3))
                .formerSurnames(seed.list(0, 2, () -> text(seed)))
                .dob(date(seed))
                .sex(coded(seed, Sex.class))
                .gender(coded(seed, Sex.class))
                .ethnicity(coded(seed, Ethnicity.class))
                .ethnicitySource(text(seed, 0.3))
                .firstLanguage(text(seed, 0.3))
                .religion(text(seed, 0.3))
                .nationality(text(seed, 0.3))
                .residenceStatus(text(seed, 0.3))
                .ncYear(coded(seed, NcYear.class))
                .enrolStatus(coded(seed, EnrolStatus.class))
                .admissionDate(date(seed))
                .leavingDate(date(seed))
                .leavingDestination(text(seed, 0.3))
                .partTime(flag(seed))
                .medicalFlag(flag(seed))
                .lookedAfter(seed.orNull(0.5, () -> new LookedAfter(flag(seed), text(seed, 0.3))))
                .fsmHistory(seed.list(0, 2, () -> new FsmPeriod(date(seed), date(seed), text(seed, 0.3))))
                .senProvisions(seed.list(0, 2, () -> new SenProvisionPeriod(date(seed), date(seed),
                        coded(seed, SenProvision.class))))
                .senNeeds(seed.list(0, 2, () -> new RankedNeed(coded(seed, SenNeed.class), number(seed))))
                .address(seed.orNull(0.3, () -> address(seed)))
                .contacts(seed.list(0, 2, () -> contact(seed)))
                .attendance(seed.list(0, 2, () -> year(seed)))
                .build();
    }

    static Address address(Seed seed) {
        return new Address(text(seed, 0.5), text(seed, 0.5), text(seed, 0.5), text(seed, 0.5), text(seed, 0.5),
                text(seed, 0.5), text(seed, 0.5), text(seed, 0.5), seed.list(0, 3, () -> text(seed)), text(seed, 0.5),
                seed.chance(0.5));
    }

    static Contact contact(Seed seed) {
        return new Contact(number(seed), text(seed, 0.3), text(seed, 0.3), text(seed, 0.3), text(seed, 0.3),
                flag(seed), flag(seed), seed.orNull(0.5, () -> address(seed)),
                seed.list(0, 2, () -> new Phone(text(seed, 0.3), text(seed, 0.3))), text(seed, 0.3));
    }

    static AttendanceYear year(Seed seed) {
        return new AttendanceYear(number(seed), text(seed, 0.3), text(seed, 0.3), text(seed, 0.3), number(seed),
                number(seed), number(seed), number(seed), date(seed),
                seed.orNull(0.3, () -> seed.string("/\\LKVPWBCMJSTRIEGNOUDXZ#QY -", 1, 60)));
    }

    /** Non-blank text without whitespace at its ends, including XML markup and non-ASCII characters. */
    static String text(Seed seed) {
        while (true) {
            String text = seed.chance(0.5)
                    ? seed.string("abcXYZ09 -'&<>\"\r\n\té€" + Seed.range('\u4e00', '\u4e05'), 1, 12)
                    : seed.pick("\uD83D\uDE00 emoji", "]]>", "a&amp;b", "O'Brien-Smith");
            String stripped = text.strip();
            if (!stripped.isEmpty()) {
                return stripped;
            }
        }
    }

    /** Text, or absent with the given probability. */
    static String text(Seed seed, double absent) {
        return seed.orNull(absent, () -> text(seed));
    }

    static RecordedDate date(Seed seed) {
        return switch (seed.between(0, 2)) {
            case 0 -> RecordedDate.of(LocalDate.ofEpochDay(seed.between(0, 20_000)));
            case 1 -> RecordedDate.of(seed.pick("2015-02-30", "14/05/2016", "2016-05-14T00:00:00", "unknown"));
            default -> RecordedDate.absent();
        };
    }

    /** Mostly a known code; sometimes a raw value no code list holds, or none. */
    static <E extends Enum<E> & CodeList> Coded<E> coded(Seed seed, Class<E> type) {
        return switch (seed.between(0, 4)) {
            case 0, 1, 2 -> Coded.of(seed.pick(type.getEnumConstants()));
            case 3 -> Coded.of(type, seed.pick("zz", "QQQ", "m", "9"));
            default -> Coded.absent();
        };
    }

    static Integer number(Seed seed) {
        return seed.orNull(0.3, () -> seed.between(-5, 100_000));
    }

    static Boolean flag(Seed seed) {
        return seed.orNull(0.3, () -> seed.chance(0.5));
    }
}
