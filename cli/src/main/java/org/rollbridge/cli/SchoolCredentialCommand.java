package org.rollbridge.cli;

import java.util.concurrent.Callable;
import org.rollbridge.hub.access.SchoolCredentials;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ./rollbridge school-credential LAESTAB}: issues an upload token for a school. */
@Command(name = "school-credential", mixinStandardHelpOptions = true,
        description = {"Issues a new upload credential for a school and prints it once; only its hash is kept.",
            "Give it to the school's business manager to configure their agent."})
public final class SchoolCredentialCommand implements Callable<Integer> {

    @Parameters(paramLabel = "LAESTAB", description = "the school's 7-digit LAESTAB, e.g. 9262001")
    String laestab;

    @Override
    public Integer call() {
        try (var hub = HubTask.start()) {
            String token = hub.getBean(SchoolCredentials.class).issue(laestab);
            System.out.println(token);
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
    }
}
