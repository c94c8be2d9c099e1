package io.olmp.cli;

import io.olmp.compare.ComparisonCharts;
import io.olmp.compare.ComparisonRow;
import io.olmp.compare.ComparisonTable;
import io.olmp.compare.ResultFiles;
import io.olmp.config.SettingsException;
import io.olmp.model.ModelFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code olmp compare DIR...}: OLMP runs and baselines side by side (text, HTML, PNG bar charts). */
@Command(name = "compare", mixinStandardHelpOptions = true,
        header = "Compare finished runs and baselines side by side.",
        description = {"Compare finished runs and baselines: prints method, architecture, data, compression ratio,",
                "reference and final test accuracy, wall time and evaluations of each folder's result.json, and",
                "writes compare.html with compare-ratio.png and compare-accuracy.png into --out."})
final class CompareCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "output folders of olmp run or olmp baseline")
    List<Path> dirs;

    @Option(names = "--out", paramLabel = "DIR", description = "where to write compare.html and the charts (default: .)")
    Path out = Path.of(".");

    @Override
    public Integer call() throws Exception {
        List<ComparisonRow> rows = new ArrayList<>();
        for (Path dir : dirs) {
            try {
                rows.add(ComparisonRow.of(dir, ResultFiles.read(dir)));
            } catch (IllegalArgumentException e) {
                throw new SettingsException(e.getMessage(), e);
            }
        }
        System.out.print(ComparisonTable.text(rows));
        ComparisonCharts.writeRatio(rows, out.resolve("compare-ratio.png"));
        ComparisonCharts.writeAccuracy(rows, out.resolve("compare-accuracy.png"));
        ModelFiles.writeString(out.resolve("compare.html"),
                ComparisonTable.html(rows, List.of("compare-ratio.png", "compare-accuracy.png")));
        System.out.println("compare: " + out.resolve("compare.html"));
        return 0;
    }
}
