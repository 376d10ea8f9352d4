package org.rollbridge.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rollbridge.agent.FaultSequenceIT.batchIds;
import static org.rollbridge.agent.FaultSequenceIT.drop;
import static org.rollbridge.agent.FaultSequenceIT.roll;
import static org.rollbridge.agent.FaultSequenceIT.week;
import static org.rollbridge.agent.FaultSequenceIT.write;
import static org.rollbridge.hub.testing.CtfFixture.upn;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.rollbridge.agent.SchoolAgent.Result;
import org.rollbridge.hub.ingest.PipelineProbe;
import org.rollbridge.hub.testing.RegisteredPerson;
import org.rollbridge.hub.testing.RunningHub;
import org.rollbridge.hub.testing.TestDatabase;

/**
 * The hub, a process of its own ({@link HubProcess}), killed with SIGKILL at each step of receiving and processing
 * a school's nights, with the real agent and PostgreSQL; it ends holding what the school's files hold
 * ({@link SchoolFiles}). The school's nights are {@link FaultSequenceIT}'s. A class of its own: it starts the hub
 * as a process five times (nine with every pipeline step, {@link #steps()}) and needs no hub shared with other
 * classes.
 */
class HubKillSequenceIT {

    /**
     * The hub, a process of its own, killed (kill -9) in the middle of receiving an upload, after storing one but
     * before its answer reached the agent, and after each step of its pipeline (staged, matched, merged but not yet
     * marked done), a night's changes each time, the last putting back the first night's values: after each restart
     * the hub holds what the school's files hold.
     */
    @Test
    void aHubKilledAtEachStepEndsHoldingWhatTheSchoolHolds() throws Exception {
        String school = "9266004";
        TestDatabase database = TestDatabase.create();
        Path dir = RunningHub.tempDir();
        int port = HubProcess.freePort();
        HubProcess running = HubProcess.start(database, dir, port, null);
        // The hub the test reads through (read API, batches): on the same database, running no jobs of its own.
        try (FlakyProxy toHub = new FlakyProxy(port);
             RunningHub reader = RunningHub.start(database, new Class<?>[0], dir, "--ROLLBRIDGE_WORKERS=0")) {
            Path home = SchoolAgent.enrol(reader, toHub, RunningHub.tempDir(), school);
            for (int p = 1; p <= 40; p++) {
                RegisteredPerson.withUpn(upn(school, p)).in(reader);
            }
            night(home, school, "NR1 1AA", "C1");
            SchoolAgent.runAndSettle(reader, home, school);
            SchoolFiles.assertHubHolds(reader, drop(home), school);

            // Killed while an upload is coming in: its first kilobyte received, the rest held back by the network.
            toHub.mode(FlakyProxy.Mode.STALL_REQUEST, 1024);
            night(home, school, "NR2 2BB", "R");
            running = killedDuring(home, running, toHub, () -> toHub.connections() > 0, database, dir, port);
            SchoolAgent.runAndSettle(reader, home, school);
            SchoolFiles.assertHubHolds(reader, drop(home), school);

            // Killed after storing an upload, before its answer came back: the agent sends it again, applied once.
            int before = batchIds(reader, school).size();
            toHub.mode(FlakyProxy.Mode.HOLD_RESPONSE);
            night(home, school, "NR3 3FF", "L");
            running = killedDuring(home, running, toHub, () -> batchIds(reader, school).size() > before, database,
                    dir, port);
            SchoolAgent.runAndSettle(reader, home, school);
            SchoolFiles.assertHubHolds(reader, drop(home), school);
            assertThat(batchIds(reader, school)).doesNotHaveDuplicates();

            // Killed after each step of processing a batch; the last night puts back the first night's values.
            String[][] nights = {{"NR4 4DD", "M"}, {"NR5 5EE", "C2"}};
            List<PipelineProbe.Step> steps = steps();
            for (int n = 0; n < steps.size(); n++) {
                PipelineProbe.Step step = steps.get(n);
                running.kill();
                running = HubProcess.start(database, dir, port, step);
                String[] changes = n == steps.size() - 1 ? new String[] {"NR1 1AA", "C1"} : nights[n];
                night(home, school, changes[0], changes[1]);
                Result sent = SchoolAgent.run(home);
                assertThat(sent.exit()).as(sent.err()).isZero();
                running.awaitHalted();
                running.kill();
                running = HubProcess.start(database, dir, port, null);
                SchoolAgent.settle(reader, school);
                SchoolFiles.assertHubHolds(reader, drop(home), school);
            }
            assertThat(batchIds(reader, school)).doesNotHaveDuplicates();
        } finally {
            running.close();
        }
    }

    /**
     * The pipeline steps the hub is killed after: by default only after merging, before the batch is marked done
     * (the step whose replay could apply a batch twice), as each start of the hub takes a while; every step with
     * {@code -Drollbridge.hubKillSteps=all} (docs/testing.md).
     */
    static List<PipelineProbe.Step> steps() {
        return "all".equals(System.getProperty("rollbridge.hubKillSteps")) ? List.of(PipelineProbe.Step.values())
                : List.of(PipelineProbe.Step.MERGED);
    }

    /** A night's exports: the roll at {@code postcode}, and the week with pupil 1's Monday morning as {@code code}. */
    static void night(Path home, String school, String postcode, String code) throws Exception {
        write(home, "roll.xml", roll(school, postcode).bytes());
        write(home, "attendance.csv", week(school, 3, code).bytes());
    }

    /**
     * Runs the agent while the network does what the proxy's mode says, kills the hub once {@code reached} holds,
     * expects the agent to end with exit code 1 (its batches still waiting), and starts the hub again.
     */
    static HubProcess killedDuring(Path home, HubProcess hubProcess, FlakyProxy toHub, BooleanSupplier reached,
                                   TestDatabase database, Path dir, int port) throws Exception {
        int before = toHub.connections();
        var agent = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> SchoolAgent.run(home, "--retry-attempts", "1"));
        for (int i = 0; i < 1200 && !(toHub.connections() > before && reached.getAsBoolean()); i++) {
            assertThat(agent).as("the agent is still sending").isNotDone();
            Thread.sleep(50);
        }
        assertThat(reached.getAsBoolean()).isTrue();
        hubProcess.kill();
        toHub.mode(FlakyProxy.Mode.UP);
        Result r = agent.get(5, TimeUnit.MINUTES);
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        return HubProcess.start(database, dir, port, null);
    }
}
