package org.rollbridge.hub.testing;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * What the hub holds of a pupil, read through the read API with the administrator's token: for tests that compare
 * the hub's records with the school's files.
 */
public record PupilApi(RunningHub hub) {

    public JsonNode pupil(String upn) throws Exception {
        return get("/api/v1/pupils/" + upn);
    }

    public JsonNode attendance(String upn, LocalDate from, LocalDate to) throws Exception {
        return get("/api/v1/pupils/" + upn + "/attendance?from=" + from + "&to=" + to);
    }

    /** The pupil's marks from {@code from} to {@code to} as "date session school" to code, in order. */
    public Map<String, String> marks(String upn, LocalDate from, LocalDate to) throws Exception {
        Map<String, String> marks = new TreeMap<>();
        for (JsonNode m : attendance(upn, from, to).path("marks")) {
            marks.put(m.path("day").asString() + " " + m.path("session").asString() + " "
                    + m.path("laestab").asString(), m.path("code").asString());
        }
        return marks;
    }

    public JsonNode exclusions(String upn) throws Exception {
        return get("/api/v1/pupils/" + upn + "/exclusions");
    }

    private JsonNode get(String path) throws Exception {
        var response = hub.send(hub.request(path).GET(), RunningHub.ADMIN_TOKEN);
        ResponseAssertions.assertStatus(200, response);
        return RunningHub.json(response);
    }
}
