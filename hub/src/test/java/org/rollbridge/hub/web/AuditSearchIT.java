package org.rollbridge.hub.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rollbridge.hub.testing.ResponseAssertions.assertStatus;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rollbridge.hub.access.Role;
import org.rollbridge.hub.audit.AuditAction;
import org.rollbridge.hub.audit.AuditLog;
import org.rollbridge.hub.audit.Pupils;
import org.rollbridge.hub.testing.HubTest;
import org.rollbridge.hub.testing.PageClient;
import org.rollbridge.hub.testing.RunningHub;

/**
 * The LA administrator's audit search: by dates, user, pupil and action, a page at a time, with a CSV export that
 * a hostile value cannot turn into a formula; the search and the export are audited themselves.
 */
@HubTest
class AuditSearchIT {

    static final String UPN = "A926510100001";
    static RunningHub hub;
    static PageClient admin;

    @BeforeAll
    static void events() throws Exception {
        AuditLog audit = hub.bean(AuditLog.class);
        for (int i = 0; i < 60; i++) {
            audit.record("audit-officer", "LA_ATTENDANCE_OFFICER", AuditAction.SEARCH, "pupil-search", null,
                    "search " + i, "ok", Pupils.upns(List.of("A9265102000" + String.format("%02d", i))));
        }
        audit.record("audit-officer", "LA_ATTENDANCE_OFFICER", AuditAction.VIEW_PUPIL, "person:1", null,
                "=HYPERLINK(\"http://x\")", "ok", Pupils.upns(List.of(UPN)));
        admin = hub.signedIn("audit-admin", Role.LA_ADMIN);
    }

    @Test
    void theSearchIsPagedNewestFirst() throws Exception {
        String first = admin.get("/audit?actor=audit-officer&action=SEARCH").body();
        String second = admin.get("/audit?actor=audit-officer&action=SEARCH&page=2").body();

        assertThat(first).contains("<span>60</span> matching event(s)").contains("page <span>1</span> of <span>2</span>")
                .contains("search 59</span>").doesNotContain("search 9</span>").contains("rel=\"next\"");
        assertThat(second).contains("page <span>2</span> of <span>2</span>").contains("search 0</span>")
                .doesNotContain("search 59").contains("rel=\"prev\"");
    }

    @Test
    void aPupilsTrailIsFoundByUpnAndTheSearchIsAuditedWithIt() throws Exception {
        String page = admin.get("/audit?upn=" + UPN.toLowerCase()).body();

        assertThat(page).contains("<span>1</span> matching event(s)").contains("VIEW_PUPIL");
        List<AuditLog.Event> searches = hub.bean(AuditLog.class).search(new AuditLog.Search("audit-admin",
                AuditAction.AUDIT_SEARCH, null, UPN, null, null), 1, 10).events();
        assertThat(searches).hasSize(1);
        assertThat(searches.get(0).detail()).contains("upn=" + UPN.toLowerCase()).contains("1 event(s)");
    }

    @Test
    void datesNarrowTheSearchAndADateThatIsNotOneIsSaidSo() throws Exception {
        assertThat(admin.get("/audit?actor=audit-officer&to=2020-01-01").body())
                .contains("<span>0</span> matching event(s)");
        HttpResponse<String> bad = admin.get("/audit?from=yesterday");

        assertStatus(400, bad);
        assertThat(bad.body()).contains("govuk-error-summary").contains("href=\"#from-day\"")
                .contains("Enter the date from as a real day, month and year");
    }

    @Test
    void theResultExportsAsCsvWithFormulasDisarmedAndTheExportIsAudited() throws Exception {
        HttpResponse<byte[]> export = admin.download("/audit/export?actor=audit-officer&action=VIEW_PUPIL");

        assertStatus(200, export);
        assertThat(export.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(new String(export.body(), java.nio.charset.StandardCharsets.UTF_8)))
                .getRecords();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("detail")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(rows.get(0).get("upns")).isEqualTo(UPN);
        assertThat(hub.bean(AuditLog.class).search(new AuditLog.Query("audit-admin", AuditAction.AUDIT_EXPORT,
                null, null, null, 10))).singleElement().satisfies(e -> assertThat(e.detail())
                .contains("actor=audit-officer").contains("1 event(s) exported"));
    }
}
