package io.olmp.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * This process's resident memory as Linux reports it in {@code /proc/self/status}: {@code VmHWM} is the peak
 * resident set size (heap, off-heap ND4J buffers, native libraries and all), {@code VmRSS} the current one.
 * Empty where the file does not exist (not Linux).
 */
public final class PeakMemory {

    private PeakMemory() {}

    public static OptionalLong peakRssBytes() {
        return field("VmHWM:");
    }

    public static OptionalLong rssBytes() {
        return field("VmRSS:");
    }

    /** "peak RSS 1,234 MiB" or "peak RSS unknown", for log lines. */
    public static String describePeak() {
        OptionalLong peak = peakRssBytes();
        return peak.isPresent() ? String.format("peak RSS %,d MiB", peak.getAsLong() >> 20) : "peak RSS unknown";
    }

    private static OptionalLong field(String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(name)) {
                    String[] parts = line.substring(name.length()).trim().split("\\s+");
                    return OptionalLong.of(Long.parseLong(parts[0]) * 1024); // the unit is always kB
                }
            }
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }
}
