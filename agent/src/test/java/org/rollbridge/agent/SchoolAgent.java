package org.rollbridge.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rollbridge.hub.testing.ResponseAssertions.assertStatus;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rollbridge.hub.testing.RunningHub;
import picocli.CommandLine;

/** A school's agent, run in this JVM against a hub reached through a proxy that can fail. */
final class SchoolAgent {

    private SchoolAgent() {
    }

    record Result(int exit, String out, String err) {
    }

    static Result agent(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new AgentCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    /** Enrols the school through the proxy, with an agent home of its own under {@code work}; returns the home. */
    static Path enrol(RunningHub hub, FlakyProxy proxy, Path work, String school) throws Exception {
        proxy.mode(FlakyProxy.Mode.UP);
        HttpResponse<String> issued = hub.send(hub.request("/api/v1/admin/schools/" + school + "/enrolment-codes")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")),
                RunningHub.ADMIN_TOKEN);
        assertStatus(201, issued);
        String code = RunningHub.json(issued).path("code").asString();
        Path home = work.resolve("agent-" + school);
        Result init = agent("init", "--hub", proxy.url(), "--school", school, "--enrol-code", code,
                "--home", home.toString());
        assertThat(init.exit()).as(init.err()).isZero();
        return home;
    }

    /** {@code agent run --once} with quick retries, and {@code extra} options. */
    static Result run(Path home, String... extra) {
        return agent(runArguments(home, extra));
    }

    static String[] runArguments(Path home, String... extra) {
        List<String> args = new ArrayList<>(List.of("run", "--once", "--home", home.toString(),
                "--retry-base-ms", "20", "--retry-max-ms", "100"));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    /** Runs the agent once, expects exit 0, and waits until the hub has finished every batch of the school. */
    static void runAndSettle(RunningHub hub, Path home, String school, String... extra) throws Exception {
        Result r = run(home, extra);
        assertThat(r.exit()).as(r.err()).isZero();
        settle(hub, school);
    }

    /** Waits until the hub has finished every batch of the school, and expects each completed. */
    static void settle(RunningHub hub, String school) throws Exception {
        for (String id : hub.db().sql("select id::text from batches where laestab = ?").param(school)
                .query(String.class).list()) {
            assertThat(hub.awaitBatch("/api/v1/batches/" + id, RunningHub.ADMIN_TOKEN).path("status").asString())
                    .isEqualTo("completed");
        }
    }
}
