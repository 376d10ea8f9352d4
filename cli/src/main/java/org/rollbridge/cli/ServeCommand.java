package org.rollbridge.cli;

import java.util.concurrent.Callable;
import org.rollbridge.hub.HubApplication;
import picocli.CommandLine.Command;

/** {@code ./rollbridge serve}: runs the hub until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Starts the hub: the LA's service that receives every school's feeds.",
            "Configured by ROLLBRIDGE_* environment variables (docs/configuration.md)."})
public final class ServeCommand implements Callable<Integer> {

    @Override
    public Integer call() throws InterruptedException {
        HubApplication.start();
        runUntilStopped();
        return 0;
    }

    /** Keeps the command running; SIGTERM or Ctrl-C shuts the hub down gracefully through its shutdown hook. */
    static void runUntilStopped() throws InterruptedException {
        Thread.currentThread().join();
    }
}
