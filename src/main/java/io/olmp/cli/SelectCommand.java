package io.olmp.cli;

import io.olmp.compare.ResultFiles;
import io.olmp.config.SettingsException;
import io.olmp.pipeline.CheckpointedRun;
import io.olmp.result.Delivery;
import io.olmp.result.RunResult;
import io.olmp.report.html.RunReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code olmp select DIR --final-tolerance T}: changes a finished run's delivered model without searching again. */
@Command(name = "select", mixinStandardHelpOptions = true,
        header = "Choose a finished run's delivered model again with another tolerance.",
        description = {"Re-chooses the delivered model of the finished run in DIR among the reference and the loop",
                "ends it kept (model/loops/): the most compressed one whose validation accuracy is at least the",
                "reference's minus T accuracy points, else the reference. Rewrites model/pruned.zip, result.json",
                "and report.html; no search or training runs. Test accuracy is shown, never used to choose."})
final class SelectCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "output folder of a finished olmp run or baseline")
    Path dir;

    @Option(names = "--final-tolerance", paramLabel = "T", required = true,
            description = "accuracy points the delivered validation accuracy may lie below the reference's (>= 0)")
    double tolerance;

    @Override
    public Integer call() throws Exception {
        Path resultFile = dir.resolve("result.json");
        if (!Files.isRegularFile(resultFile)) {
            throw new SettingsException(resultFile + " does not exist: select needs a finished run");
        }
        if (!(tolerance >= 0 && tolerance <= 100)) {
            throw new SettingsException("--final-tolerance " + tolerance + ": must be in [0, 100] accuracy points");
        }
        RunResult before;
        try {
            before = ResultFiles.readFile(resultFile);
        } catch (IllegalArgumentException e) {
            throw new SettingsException(e.getMessage(), e);
        }
        RunResult after = CheckpointedRun.deliver(before, tolerance, dir);
        System.out.println(Delivery.describe(after.delivered(), after.lastLoop(), after.referenceFigures(),
                tolerance));
        System.out.println("select: wrote " + resultFile + " and " + dir.resolve("model/pruned.zip"));
        RunReport.writeAfterRun(dir, System.out::println);
        return 0;
    }
}
