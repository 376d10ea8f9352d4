package org.rollbridge.hub.testing;

import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;

/** A school with its credential, sending feeds to a hub as its agent would. */
public record School(RunningHub hub, String laestab, String token) {

    /** Uploads a batch and returns the hub's answer, whatever it is. */
    public HttpResponse<String> upload(String batchId, String kind, byte[] body) throws Exception {
        return hub.upload(laestab, token, batchId, kind, body);
    }

    /** Uploads a batch, expects it accepted (202) and waits until it has finished; returns its JSON. */
    public JsonNode send(String batchId, String kind, byte[] body) throws Exception {
        HttpResponse<String> response = upload(batchId, kind, body);
        ResponseAssertions.assertStatus(202, response);
        return hub.awaitBatch(response.headers().firstValue("Location").orElseThrow(), token);
    }

    /** As {@link #send}, and expects the batch completed (not refused, not failed). */
    public JsonNode completed(String batchId, String kind, byte[] body) throws Exception {
        JsonNode batch = send(batchId, kind, body);
        if (!batch.path("status").asString().equals("completed")) {
            throw new AssertionError("batch " + batchId + " from " + laestab + " did not complete: " + batch);
        }
        return batch;
    }

    /** Sends the school's CTF and expects it completed. */
    public JsonNode completed(String batchId, CtfFixture ctf) throws Exception {
        return completed(batchId, "ctf", ctf.bytes());
    }

    /** Sends the attendance marks and expects them completed. */
    public JsonNode completed(String batchId, AttendanceCsv marks) throws Exception {
        return completed(batchId, "attendance", marks.bytes());
    }
}
