package org.rollbridge.hub.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class AgreementsTest {

    @Test
    void theDefaultsAreTheFourAgreementsOfTheSeeds() {
        Agreements agreements = Agreements.load(null);

        assertThat(agreements.all()).extracting(Agreement::name)
                .containsExactly("dfe-daily", "youth-support", "post-16", "sure-start");
        Agreement dfe = agreements.named("dfe-daily");
        assertThat(dfe.items()).extracting(SharedItem::column).contains("urn", "la_code", "previously_looked_after",
                "sessions");
        assertThat(dfe.inCohort("R", null, LocalDate.of(2025, 10, 6))).isTrue();
        assertThat(dfe.inCohort("N2", null, LocalDate.of(2025, 10, 6))).isFalse();
        assertThat(agreements.named("youth-support").inCohort(null, LocalDate.of(2012, 10, 6),
                LocalDate.of(2025, 10, 6))).isTrue();
        assertThat(agreements.named("youth-support").inCohort(null, LocalDate.of(2012, 10, 7),
                LocalDate.of(2025, 10, 6))).isFalse();
    }

    @Test
    void everyMistakeIsNamedByItsKey() throws Exception {
        Properties p = new Properties();
        p.load(new StringReader("""
                agreements=x
                x.recipient=R
                x.purpose=P
                x.lawful-basis=L
                x.items=upn,shoe_size
                x.cohort=years:R,15
                x.frequency=hourly
                x.delivery=ftp://somewhere
                x.retention=forever
                x.opt-outs=none
                """));

        assertThatThrownBy(() -> Agreements.parse(p, "agreements.properties"))
                .hasMessageStartingWith("ROLLBRIDGE_SHARING_AGREEMENTS: agreements.properties cannot be used")
                .hasMessageContaining("x.opt-out-by is missing")
                .hasMessageContaining("x.items: 'shoe_size' is not an item")
                .hasMessageContaining("x.cohort: '15' is not an NC year")
                .hasMessageContaining("x.frequency: 'hourly'")
                .hasMessageContaining("x.delivery must be 'folder' or an https:// URL")
                .hasMessageContaining("x.retention must be an ISO 8601 period");
    }

    @Test
    void aParentsRestrictionLapsesOnTheSixteenthBirthdayAndThePupilsDoesNot() {
        LocalDate dob = LocalDate.of(2010, 1, 10);
        ShareQuery.OptOut parent = new ShareQuery.OptOut("U", "name-address-dob", "parent");
        ShareQuery.OptOut pupil = new ShareQuery.OptOut("U", "name-address-dob", "pupil");

        assertThat(ShareRun.restricted(parent, dob, LocalDate.of(2026, 1, 9))).isTrue();
        assertThat(ShareRun.restricted(parent, dob, LocalDate.of(2026, 1, 10))).isFalse();
        assertThat(ShareRun.restricted(pupil, dob, LocalDate.of(2027, 1, 10))).isTrue();
    }
}
