package org.rollbridge.core.indicators.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OfficerDecisionTest {

    @Test
    void aRaisedCaseIsAssignedAndAnAssignedOneMayBeAssignedAgain() {
        assertThat(OfficerDecision.ASSIGN.from(CaseStatus.RAISED)).contains(CaseStatus.ASSIGNED);
        assertThat(OfficerDecision.ASSIGN.from(CaseStatus.ASSIGNED)).contains(CaseStatus.ASSIGNED);
        assertThat(OfficerDecision.ASSIGN.from(CaseStatus.ACKNOWLEDGED)).contains(CaseStatus.ACKNOWLEDGED);
        assertThat(OfficerDecision.ASSIGN.from(CaseStatus.RESOLVED)).isEmpty();
    }

    @Test
    void onlyARaisedOrAssignedCaseIsAcknowledged() {
        assertThat(OfficerDecision.ACKNOWLEDGE.from(CaseStatus.RAISED)).contains(CaseStatus.ACKNOWLEDGED);
        assertThat(OfficerDecision.ACKNOWLEDGE.from(CaseStatus.ASSIGNED)).contains(CaseStatus.ACKNOWLEDGED);
        assertThat(OfficerDecision.ACKNOWLEDGE.from(CaseStatus.ACKNOWLEDGED)).isEmpty();
        assertThat(OfficerDecision.ACKNOWLEDGE.from(CaseStatus.RESOLVED)).isEmpty();
    }

    @Test
    void anyOpenCaseIsResolvedOnceAndStaysResolved() {
        for (CaseStatus open : new CaseStatus[] {CaseStatus.RAISED, CaseStatus.ASSIGNED, CaseStatus.ACKNOWLEDGED}) {
            assertThat(OfficerDecision.RESOLVE.from(open)).contains(CaseStatus.RESOLVED);
        }
        assertThat(OfficerDecision.RESOLVE.from(CaseStatus.RESOLVED)).isEmpty();
        assertThat(OfficerDecision.RESOLVE.refusal()).isEqualTo("it is already resolved");
    }

    @Test
    void statusesAreStoredByTheirLabel() {
        for (CaseStatus s : CaseStatus.values()) {
            assertThat(CaseStatus.of(s.label())).isEqualTo(s);
        }
        assertThat(CaseStatus.ACKNOWLEDGED.label()).isEqualTo("acknowledged");
    }
}
