package io.olmp.cli;

import io.olmp.config.OlmpSettings;
import io.olmp.data.DataSplits;
import io.olmp.pipeline.DataPreparation;
import io.olmp.pipeline.ReferenceTraining;
import io.olmp.pipeline.RunFolderLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code olmp train}: trains (or resumes training) a reference model. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a reference model with SGD; resumes from <out>/checkpoint after a crash.")
final class TrainCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: runs/train-<conf>-<data>-seed<seed>)")
    Path out;

    @Override
    public Integer call() throws Exception {
        OlmpSettings settings = config.load();
        Path dir = out != null ? out : config.defaultOut(settings, "train");
        try (RunFolderLock lock = RunFolderLock.acquire(dir)) {
            System.out.println("olmp train: output in " + dir);
            DataSplits splits = DataPreparation.prepare(settings.data(), System.out::println);
            io.olmp.pipeline.RunPreflight.checkTraining(settings, splits);
            ReferenceTraining.run(settings, splits, dir, System.out::println);
        }
        return 0;
    }
}
