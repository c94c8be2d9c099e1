package io.olmp.model;

import io.olmp.data.ImageSet;
import io.olmp.kernel.train.BatchRows;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.SplittableRandom;

/**
 * Turns rows of an {@link ImageSet} (in memory or streamed from its cache file) into ND4J arrays. The order of training batches is a pure
 * function of (seed, iteration): epoch e visits the images in a Fisher-Yates permutation drawn
 * from {@code SplittableRandom(seed + e)}, cut into consecutive batches (a short last batch is
 * dropped). A resumed training run therefore sees exactly the batches it would have seen.
 */
public final class Batches implements BatchRows {

    private final ImageSet images;
    private final int batchSize;
    private final long seed;
    private int cachedEpoch = -1;
    private int[] cachedPermutation;

    public Batches(ImageSet images, int batchSize, long seed) {
        if (batchSize > images.count()) {
            throw new IllegalArgumentException("batch size " + batchSize + " exceeds the " + images.count()
                    + " images of " + images.name());
        }
        this.images = images;
        this.batchSize = batchSize;
        this.seed = seed;
    }

    public int batchesPerEpoch() {
        return images.count() / batchSize;
    }

    /** The training batch of a 0-based iteration. */
    public DataSet batch(long iteration) {
        int[] rows = rows(iteration);
        return new DataSet(features(images, rows), oneHot(images, rows));
    }

    @Override
    public int batchSize() {
        return batchSize;
    }

    @Override
    public int featureLength() {
        return images.featureLength();
    }

    @Override
    public int classes() {
        return images.numClasses();
    }

    /** The batch of {@link #batch(long)}, written into plain arrays. */
    @Override
    public void fill(long iteration, float[] features, float[] oneHotLabels) {
        int[] rows = rows(iteration);
        images.read(rows, features, 0);
        oneHotInto(images, rows, oneHotLabels);
    }

    /** The image indices of a 0-based iteration's batch. */
    public int[] rows(long iteration) {
        int epoch = (int) (iteration / batchesPerEpoch());
        int offset = (int) (iteration % batchesPerEpoch()) * batchSize;
        int[] rows = new int[batchSize];
        System.arraycopy(permutation(epoch), offset, rows, 0, batchSize);
        return rows;
    }

    private int[] permutation(int epoch) {
        if (epoch != cachedEpoch) {
            int[] p = new int[images.count()];
            for (int i = 0; i < p.length; i++) {
                p[i] = i;
            }
            SplittableRandom random = new SplittableRandom(seed + epoch);
            for (int i = p.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = p[i];
                p[i] = p[j];
                p[j] = t;
            }
            cachedPermutation = p;
            cachedEpoch = epoch;
        }
        return cachedPermutation;
    }

    /** Rows [from, to) as a [n, C*H*W] float matrix. */
    public static INDArray features(ImageSet images, int from, int to) {
        int length = images.featureLength();
        float[] data = new float[(to - from) * length];
        images.read(from, to, data, 0);
        return Nd4j.create(data, new long[] {to - from, length}, 'c');
    }

    /** The rows gathered into a new array's buffer. */
    static INDArray features(ImageSet images, int[] rows) {
        int length = images.featureLength();
        float[] data = new float[rows.length * length];
        images.read(rows, data, 0);
        INDArray features = Nd4j.createUninitialized(DataType.FLOAT, new long[] {rows.length, length}, 'c');
        features.data().asNioFloat().put(0, data);
        return features;
    }

    static INDArray oneHot(ImageSet images, int[] rows) {
        int classes = images.numClasses();
        float[] data = new float[rows.length * classes];
        oneHotInto(images, rows, data);
        INDArray labels = Nd4j.createUninitialized(DataType.FLOAT, new long[] {rows.length, classes}, 'c');
        labels.data().asNioFloat().put(0, data);
        return labels;
    }

    /** The rows' labels one-hot into target[0, rows x classes). */
    private static void oneHotInto(ImageSet images, int[] rows, float[] target) {
        int classes = images.numClasses();
        java.util.Arrays.fill(target, 0, rows.length * classes, 0f);
        for (int i = 0; i < rows.length; i++) {
            target[i * classes + images.label(rows[i])] = 1f;
        }
    }
}
