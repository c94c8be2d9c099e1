package io.olmp.pipeline;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.olmp.config.SettingsException;
import io.olmp.model.ModelFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The SHA-256 of every data file a run read, kept in {@code <out>/data.sha256.json} at its first start. A later
 * start of the same run (a resume) compares: a data file that changed in between would mix two data sets in one
 * run, so it is refused, naming the file.
 */
public final class DataFingerprint {

    static final String FILE = "data.sha256.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DataFingerprint() {}

    /**
     * Records the fingerprint when a run starts, or, when it resumes, checks the data against the one recorded
     * (a run recorded before fingerprints existed records it now).
     */
    public static void recordOrCheck(Path dir, Map<String, String> sha256ByFile, boolean resuming)
            throws IOException {
        Path file = dir.resolve(FILE);
        Map<String, String> now = new TreeMap<>(sha256ByFile);
        if (!resuming || !Files.isRegularFile(file)) {
            ModelFiles.writeString(file, JSON.writeValueAsString(now));
            return;
        }
        Map<String, String> recorded;
        try {
            recorded = JSON.readValue(file.toFile(), new TypeReference<TreeMap<String, String>>() {});
        } catch (IOException e) {
            throw new DamagedCheckpointException(file, "not a readable data fingerprint", e);
        }
        for (Map.Entry<String, String> entry : recorded.entrySet()) {
            String current = now.get(entry.getKey());
            if (current == null) {
                throw new SettingsException(entry.getKey() + ": this run read it when it started (" + file
                        + "), but now it is not among the data read; resume with the same data settings");
            }
            if (!current.equals(entry.getValue())) {
                throw new SettingsException(entry.getKey() + " changed since this run started: SHA-256 "
                        + current + ", recorded " + entry.getValue() + " in " + file + "; resuming would mix two data"
                        + " sets in one run: restore the file, or start a new run with another --out");
            }
        }
    }
}
