package io.olmp.cli;

import io.olmp.config.SettingsException;
import io.olmp.export.ModelExport;
import io.olmp.export.ModelSizes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code olmp export DIR}: the run's pruned model in a compact form, under DIR/model/. */
@Command(name = "export", mixinStandardHelpOptions = true,
        header = "Export a finished run's pruned model (sparse CSR or DL4J zip).",
        description = {"Write the pruned model of a finished run in a compact form: csr (DIR/model/pruned.csr,",
                "the documented sparse format of io.olmp.export.CsrFormat) or dl4j (DIR/model/pruned-dl4j.zip,",
                "the masked DL4J zip without updater state)."})
final class ExportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "output folder of a finished olmp run")
    Path dir;

    @Option(names = "--format", paramLabel = "csr|dl4j", defaultValue = "csr",
            description = "csr or dl4j (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--gzip", description = "gzip the csr file (DIR/model/pruned.csr.gz)")
    boolean gzip;

    @Override
    public Integer call() throws Exception {
        ModelExport.Format chosen = switch (format) {
            case "csr" -> ModelExport.Format.CSR;
            case "dl4j" -> ModelExport.Format.DL4J;
            default -> throw new SettingsException("--format must be csr or dl4j, got '" + format + "'");
        };
        ModelExport.Exported exported = ModelExport.export(dir, chosen, gzip);
        ModelSizes sizes = exported.sizes();
        System.out.printf("export: %s (%,d bytes); dense float32 %,d bytes, kept %,d of %,d weights (%.1fx)%n",
                exported.file(), exported.bytes(), sizes.denseBytes(), sizes.kept(), sizes.weights(),
                sizes.compressionRatio());
        return 0;
    }
}
