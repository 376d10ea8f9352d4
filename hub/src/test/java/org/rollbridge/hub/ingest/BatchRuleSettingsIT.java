package org.rollbridge.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rollbridge.hub.ingest.BatchReportIT.report;
import static org.rollbridge.hub.ingest.BatchReportIT.ruleIds;
import static org.rollbridge.hub.ingest.BatchReportIT.send;
import static org.rollbridge.hub.ingest.BatchReportIT.upn;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rollbridge.core.pupil.Pupil;
import org.rollbridge.core.pupil.RecordedDate;
import org.rollbridge.hub.testing.CtfFixture;
import org.rollbridge.hub.testing.HubTest;
import org.rollbridge.hub.testing.RegisteredPerson;
import org.rollbridge.hub.testing.RunningHub;
import tools.jackson.databind.JsonNode;

/** The LA's rule severities (ROLLBRIDGE_RULES_FILE, as for {@code rollbridge validate}) decide what the hub holds. */
@HubTest(settings = "ROLLBRIDGE_RULES_FILE=src/test/resources/strict-rules.properties")
class BatchRuleSettingsIT {

    static RunningHub strictHub;

    @Test
    void theLasSeverityOverridesDecideWhatIsHeld() throws Exception {
        String school = "9269816";
        String token = strictHub.credentialFor(school);
        RegisteredPerson.withUpn(upn("9816", 1)).in(strictHub);
        RegisteredPerson.withUpn(upn("9816", 2)).in(strictHub);
        Pupil noAdmission = CtfFixture.pupil(upn("9816", 2), "Sam", "Noadmission", List.of()).toBuilder()
                .admissionDate(RecordedDate.absent()).build();
        JsonNode batch = send(strictHub, school, token, "strict-1", "ctf",
                CtfFixture.full(school).add(upn("9816", 1)).add(noAdmission).bytes());

        JsonNode file = RunningHub.json(report(strictHub, batch, "json", token)).path("files").get(0);

        assertThat(batch.path("records").path("imported").asInt()).isEqualTo(1);
        assertThat(ruleIds(file)).containsExactly("ADMISSION_DATE_MISSING"); // CONTACT_MISSING is off
        assertThat(file.path("findings").get(0).path("severity").asString()).isEqualTo("error");
        assertThat(strictHub.db().sql("select rule_id || ' ' || field from held_records where upn = ?")
                .param(upn("9816", 2)).query(String.class).list()).containsExactly("ADMISSION_DATE_MISSING EntryDate");
    }

}
