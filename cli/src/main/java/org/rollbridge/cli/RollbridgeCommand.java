package org.rollbridge.cli;

import org.rollbridge.agent.AgentCommand;
import org.rollbridge.cli.indicators.IndicatorsCommand;
import org.rollbridge.hub.HubSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./rollbridge}: the one entry point for every user-facing command. */
@Command(name = "rollbridge",
        mixinStandardHelpOptions = true,
        versionProvider = RollbridgeCommand.Version.class,
        description = {
            "Rollbridge moves pupil data from schools to their local authority every night and turns it into",
            "what the LA must act on. Run a command with --help to see its options."},
        commandListHeading = "%nCommands:%n",
        footer = {"", "The national tier on Spark: ./rollbridge national --help",
            "The test suite: ./rollbridge test   Build only: ./rollbridge build"},
        subcommands = {
            DemoCommand.class,
            ServeCommand.class,
            ImportCommand.class,
            GenerateCommand.class,
            ValidateCommand.class,
            MatchCommand.class,
            IndicatorsCommand.class,
            AgentCommand.class,
            SchoolCredentialCommand.class,
            AdminCommand.class,
            RetentionCommand.class,
            ShareCommand.class,
            CommandLine.HelpCommand.class})
public final class RollbridgeCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new RollbridgeCommand());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((e, command, parsed) -> {
            if (e instanceof HubSettings.Refused) {
                // The hub's start-up report has said which setting to correct; a stack trace would only bury it.
                return command.getCommandSpec().exitCodeOnExecutionException();
            }
            throw e;
        });
        return cl;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = RollbridgeCommand.class.getPackage().getImplementationVersion();
            return new String[] {"Rollbridge " + (v == null ? "development build" : v)};
        }
    }
}
