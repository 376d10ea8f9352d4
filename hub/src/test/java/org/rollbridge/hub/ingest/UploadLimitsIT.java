package org.rollbridge.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rollbridge.hub.testing.ResponseAssertions.assertStatus;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.rollbridge.hub.testing.HubTest;
import org.rollbridge.hub.testing.RunningHub;

/**
 * One school cannot fill the hub: a gzip body that inflates far beyond its size stops early with 413, and a school
 * past its batches in an hour or its bytes in a day is told 429 and when to come back.
 */
@HubTest(settings = {"ROLLBRIDGE_SCHOOL_BATCHES_PER_HOUR=3", "ROLLBRIDGE_SCHOOL_BYTES_PER_DAY=100000",
    "ROLLBRIDGE_WORKERS=0"})
class UploadLimitsIT {

    static RunningHub hub;

    private static final byte[] HEADER = "laestab,upn,date,session,code\n".getBytes(StandardCharsets.UTF_8);

    private static HttpResponse<String> gzipUpload(String school, String batchId, byte[] gzip) throws Exception {
        return hub.send(hub.request("/api/v1/schools/" + school + "/batches?kind=attendance")
                .header("Content-Encoding", "gzip").header("Idempotency-Key", batchId)
                .POST(HttpRequest.BodyPublishers.ofByteArray(gzip)), hub.credentialFor(school));
    }

    @Test
    void aGzipBombStopsEarlyWith413() throws Exception {
        String school = "9265301";
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bomb)) {
            gz.write(HEADER);
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                gz.write(zeros);
            }
        }

        HttpResponse<String> refused = gzipUpload(school, "bomb-1", bomb.toByteArray());

        assertStatus(413, refused);
        assertThat(refused.body()).contains("ROLLBRIDGE_MAX_COMPRESSION_RATIO");
        assertThat(hub.db().sql("select count(*) from batches where laestab = ?").param(school)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aSchoolPastItsBatchesInAnHourIsToldWhenToComeBack() throws Exception {
        String school = "9265302";
        String token = hub.credentialFor(school);
        for (int i = 1; i <= 3; i++) {
            assertStatus(202, hub.upload(school, token, "q-" + i, "attendance", HEADER));
        }

        HttpResponse<String> fourth = hub.upload(school, token, "q-4", "attendance", HEADER);

        assertStatus(429, fourth);
        assertThat(fourth.body()).contains("ROLLBRIDGE_SCHOOL_BATCHES_PER_HOUR");
        long retryAfter = Long.parseLong(fourth.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 3601L);
        assertStatus(202, hub.upload("9265303", hub.credentialFor("9265303"), "q-1", "attendance", HEADER));
    }

    @Test
    void aSchoolPastItsBytesInADayIsToldToComeBackTomorrow() throws Exception {
        String school = "9265304";
        String token = hub.credentialFor(school);
        byte[] big = new byte[120_000];
        java.util.Arrays.fill(big, (byte) 'x');
        assertStatus(202, hub.upload(school, token, "b-1", "attendance", big));

        HttpResponse<String> next = hub.upload(school, token, "b-2", "attendance", HEADER);

        assertStatus(429, next);
        assertThat(next.body()).contains("ROLLBRIDGE_SCHOOL_BYTES_PER_DAY");
        assertThat(Long.parseLong(next.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 90_000L);
    }
}
