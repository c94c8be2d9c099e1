package io.olmp.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.olmp.files.AtomicFiles;
import io.olmp.model.ModelFiles;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Exports the pruned model of a finished run ({@code model/pruned.zip}, {@code result.json}) into {@code model/}. */
public final class ModelExport {

    /** The output forms of {@code olmp export}. */
    public enum Format {
        /** {@link CsrFormat}: model/pruned.csr (or pruned.csr.gz). */
        CSR,
        /** The masked DL4J zip without updater state: model/pruned-dl4j.zip. */
        DL4J
    }

    /** What was written. */
    public record Exported(Path file, long bytes, ModelSizes sizes) {}

    private ModelExport() {}

    public static Exported export(Path runDir, Format format, boolean gzip) throws IOException {
        MultiLayerNetwork net = ModelFiles.load(prunedModel(runDir));
        SparseModel sparse = SparseModel.of(architecture(runDir), net);
        Path file = switch (format) {
            case CSR -> {
                Path target = runDir.resolve(gzip ? "model/pruned.csr.gz" : "model/pruned.csr");
                CsrFormat.write(sparse, target, gzip);
                yield target;
            }
            case DL4J -> {
                Path target = runDir.resolve("model/pruned-dl4j.zip");
                AtomicFiles.write(target, out -> ModelSerializer.writeModel(net, out, false));
                yield target;
            }
        };
        return new Exported(file, Files.size(file), ModelSizes.of(sparse));
    }

    /** The run's final pruned model, as a sparse model (for the report's size table). */
    public static SparseModel sparseModel(Path runDir) throws IOException {
        return SparseModel.of(architecture(runDir), ModelFiles.load(prunedModel(runDir)));
    }

    private static Path prunedModel(Path runDir) throws IOException {
        Path zip = runDir.resolve("model/pruned.zip");
        if (!Files.isRegularFile(zip)) {
            throw new IOException(zip + ": no pruned model; export needs the folder of a finished olmp run");
        }
        return zip;
    }

    /** The architecture name recorded in the run's result.json. */
    static String architecture(Path runDir) throws IOException {
        Path result = runDir.resolve("result.json");
        if (!Files.isRegularFile(result)) {
            throw new IOException(result + ": missing; export needs the folder of a finished olmp run");
        }
        JsonNode architecture = new ObjectMapper().readTree(result.toFile()).get("architecture");
        if (architecture == null || !architecture.isTextual()) {
            throw new IOException(result + ": field 'architecture' must be a string naming the network");
        }
        return architecture.asText();
    }
}
