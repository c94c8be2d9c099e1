package io.olmp.model;

import io.olmp.files.AtomicFiles;
import io.olmp.data.RegularFile;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Model and text outputs written atomically ({@link AtomicFiles}: temp sibling, then rename) and model loading. */
public final class ModelFiles {

    private ModelFiles() {}

    /** Saves a DL4J zip with its updater state, so training can resume exactly. */
    public static void save(MultiLayerNetwork net, Path target) throws IOException {
        AtomicFiles.write(target, out -> ModelSerializer.writeModel(net, out, true));
    }

    /** Loads a DL4J zip; a missing, non-regular, truncated or damaged file fails with one line naming it. */
    public static MultiLayerNetwork load(Path zip) throws IOException {
        RegularFile.check(zip, "a DL4J model zip", problem -> new ModelFileException(zip + ": " + problem, null));
        try {
            return ModelSerializer.restoreMultiLayerNetwork(zip.toFile(), true);
        } catch (IOException | RuntimeException e) {
            // the cause's message may be null or span several lines: keep its first line, if any
            String detail = e.getMessage() == null ? "" : e.getMessage().strip().lines().findFirst().orElse("");
            throw new ModelFileException(zip + ": not a readable DL4J model zip (truncated or damaged)"
                    + (detail.isEmpty() ? "" : ": " + detail), e);
        }
    }

    public static void writeString(Path target, String text) throws IOException {
        AtomicFiles.writeBytes(target, text.getBytes(StandardCharsets.UTF_8));
    }
}
