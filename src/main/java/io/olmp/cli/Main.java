package io.olmp.cli;

import io.olmp.config.SettingsException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code olmp} (the {@code ./olmp} launcher, {@code java -jar}, spark-submit). */
@Command(name = "olmp",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Layer-wise magnitude pruning with thresholds tuned by Negatively Correlated Search (OLMP).",
        subcommands = {RunCommand.class, TrainCommand.class, DataCommand.class, ConfigCommand.class, BenchCommand.class,
                BaselineCommand.class, CompareCommand.class,
                TablesCommand.class,
                ExportCommand.class, ReportCommand.class, SelectCommand.class, ResultsPageCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line and returns the exit code (tests call this). */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            boolean usage = e instanceof io.olmp.config.InputError;
            commandLine.getErr().println("olmp: error: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
            if (System.getenv("OLMP_DEBUG") != null) {
                e.printStackTrace(commandLine.getErr());
            } else if (!usage) {
                commandLine.getErr().println("olmp: (set OLMP_DEBUG=1 for the stack trace)");
            }
            return usage ? 2 : 1;
        });
        return cli.execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"olmp " + (version == null ? "(development build)" : version)};
        }
    }
}
