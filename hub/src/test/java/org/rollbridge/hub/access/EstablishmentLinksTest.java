package org.rollbridge.hub.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class EstablishmentLinksTest {

    @Test
    void plainHeaderNamesAndIsoDatesAreReadAsGiasOnes() {
        EstablishmentLinks.Read read = EstablishmentLinks.read(new StringReader("""
                school name,urn,laestab,phase,trust uid,trust name,join date,leave date
                Hill Secondary,140200,926/4001,secondary,2044,Riverside Learning Trust,2020-09-01,2024-08-31
                """));

        assertThat(read.problems()).isEmpty();
        EstablishmentLinks.School school = read.schools().getFirst();
        assertThat(school.laestab()).isEqualTo("9264001");
        assertThat(school.phase()).isEqualTo("Secondary");
        assertThat(school.memberships()).extracting(EstablishmentLinks.Membership::joined,
                EstablishmentLinks.Membership::left)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(LocalDate.of(2020, 9, 1),
                        LocalDate.of(2024, 8, 31)));
    }

    @Test
    void overlappingMembershipsAndAMissingColumnAreReportedWithWhatToDo() {
        EstablishmentLinks.Read overlap = EstablishmentLinks.read(new StringReader("""
                URN,LAESTAB,EstablishmentName,PhaseOfEducation (name),Group UID,Group Name,Date joined group,Date left group
                140201,9262401,Vale Primary,Primary,2044,Riverside,01-09-2019,
                140201,9262401,Vale Primary,Primary,3188,Heath,01-09-2023,
                """));
        assertThat(overlap.problems()).extracting(Object::toString).containsExactly("line 3, Date joined group: school"
                + " 9262401's membership of trust 3188 overlaps its membership of trust 2044 on line 2: a school is"
                + " in one trust at a time, correct the dates");

        EstablishmentLinks.Read noUrn = EstablishmentLinks.read(new StringReader("""
                LAESTAB,EstablishmentName,PhaseOfEducation (name),Group UID,Group Name,Date joined group
                """));
        assertThat(noUrn.problems()).extracting(Object::toString).containsExactly("line 1: the header has no column"
                + " for URN: add it, named as Get Information about Schools names it");
    }
}
