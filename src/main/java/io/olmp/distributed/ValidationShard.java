package io.olmp.distributed;

import io.olmp.data.LabeledImages;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** A contiguous block of validation images, the unit of one Spark task. */
public record ValidationShard(int index, int channels, int height, int width, int numClasses, float[] pixels,
                              int[] labels) implements Serializable {

    /** Cuts the images into blocks of {@code size} (the last one shorter), in order. */
    public static List<ValidationShard> cut(LabeledImages images, int size) {
        List<ValidationShard> shards = new ArrayList<>();
        int length = images.featureLength();
        for (int from = 0, index = 0; from < images.count(); from += size, index++) {
            int to = Math.min(images.count(), from + size);
            float[] pixels = new float[(to - from) * length];
            System.arraycopy(images.pixels(), from * length, pixels, 0, pixels.length);
            int[] labels = new int[to - from];
            System.arraycopy(images.labels(), from, labels, 0, labels.length);
            shards.add(new ValidationShard(index, images.channels(), images.height(), images.width(),
                    images.numClasses(), pixels, labels));
        }
        return shards;
    }

    public LabeledImages images() {
        return new LabeledImages("validation shard " + index, channels, height, width, numClasses, pixels, labels);
    }
}
