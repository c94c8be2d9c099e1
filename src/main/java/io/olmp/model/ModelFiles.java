package io.olmp.model;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Atomic writes (temp file in the same folder, then rename) and model loading. */
public final class ModelFiles {

    private ModelFiles() {}

    /** Saves a DL4J zip with its updater state, so training can resume exactly. */
    public static void save(MultiLayerNetwork net, Path target) throws IOException {
        Path tmp = temp(target);
        try {
            ModelSerializer.writeModel(net, tmp.toFile(), true);
            moveAtomically(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
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
        Path tmp = temp(target);
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            moveAtomically(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static Path temp(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        return Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
    }

    private static void moveAtomically(Path from, Path to) throws IOException {
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
