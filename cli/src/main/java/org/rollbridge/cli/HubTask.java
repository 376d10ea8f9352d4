package org.rollbridge.cli;

import java.util.ArrayList;
import java.util.List;
import org.rollbridge.hub.HubApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The hub's services without its web server, background workers or scheduled nightly runs (alerts, retention), for
 * commands that do one job and end.
 */
final class HubTask {

    private HubTask() {
    }

    static ConfigurableApplicationContext start(String... extra) {
        List<String> args = new ArrayList<>(List.of("--spring.main.web-application-type=none",
                "--ROLLBRIDGE_WORKERS=0", "--ROLLBRIDGE_NIGHTLY_CRON=-", "--ROLLBRIDGE_RETENTION_CRON=-",
                "--ROLLBRIDGE_SHARING_CRON=-", "--logging.level.root=WARN", "--logging.level.org.rollbridge=WARN"));
        args.addAll(List.of(extra));
        return HubApplication.start(args.toArray(String[]::new));
    }

    /**
     * The hub for the named command, or null when it could not start, after saying why on standard error (the
     * command then ends with exit code 2).
     */
    static ConfigurableApplicationContext startFor(String command) {
        try {
            return start();
        } catch (RuntimeException e) {
            System.err.println(command + ": the hub could not start: " + rootMessage(e));
            return null;
        }
    }

    /** The innermost cause's message: what went wrong, without the layers around it. */
    static String rootMessage(Throwable e) {
        while (e.getCause() != null) {
            e = e.getCause();
        }
        return e.getMessage();
    }
}
