package io.olmp.model;

import io.olmp.data.AtomicFiles;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Model and text outputs written atomically ({@link AtomicFiles}: temp sibling, then rename) and model loading. */
public final class ModelFiles {

    private ModelFiles() {}

    /** Saves a DL4J zip with its updater state, so training can resume exactly. */
    public static void save(MultiLayerNetwork net, Path target) throws IOException {
        AtomicFiles.write(target, out -> ModelSerializer.writeModel(net, out, true));
    }

    public static MultiLayerNetwork load(Path zip) throws IOException {
        if (!Files.isRegularFile(zip)) {
            throw new IOException(zip + ": model file not found");
        }
        try {
            return ModelSerializer.restoreMultiLayerNetwork(zip.toFile(), true);
        } catch (IOException | RuntimeException e) {
            throw new IOException(zip + ": not a readable DL4J MultiLayerNetwork zip: " + e.getMessage(), e);
        }
    }

    public static void writeString(Path target, String text) throws IOException {
        AtomicFiles.writeBytes(target, text.getBytes(StandardCharsets.UTF_8));
    }
}
