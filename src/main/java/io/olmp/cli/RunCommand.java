package io.olmp.cli;

import io.olmp.config.OlmpSettings;
import io.olmp.data.DataSplits;
import io.olmp.pipeline.DataPreparation;
import io.olmp.pipeline.ReferenceResult;
import io.olmp.pipeline.ReferenceTraining;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code olmp run}: the main job. Today it fetches the data if absent and trains (or reuses)
 * the reference model, printing its accuracy; the search, pruning and adjusting stages are
 * not built yet.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run the main job on the given conf (default: the embedded quickstart).",
                "Now: fetch data if absent, train or reuse the reference model, print its accuracy.",
                "Not yet: the NCS search, pruning and adjusting loops."})
final class RunCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: runs/run-<conf>-<data>-seed<seed>)")
    Path out;

    @Override
    public Integer call() throws Exception {
        OlmpSettings settings = config.load();
        Path dir = out != null ? out : config.defaultOut(settings, "run");
        System.out.println("olmp run: output in " + dir);
        DataSplits splits = DataPreparation.prepare(settings.data(), System.out::println);
        ReferenceResult reference = ReferenceTraining.run(settings, splits, dir, System.out::println);
        System.out.printf("result: %s on %s, %,d iterations: validation accuracy %.2f %%, test accuracy %.2f %%%n",
                reference.architecture(), reference.dataSource(), reference.iterations(),
                100 * reference.validationAccuracy(), 100 * reference.testAccuracy());
        System.out.println("result: pruning (NCS search + adjusting) is not implemented yet; see the README's status");
        return 0;
    }
}
