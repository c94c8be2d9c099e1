package io.olmp.kernel;

/** Channels x height x width of one image's activations. */
public record FeatureShape(int channels, int height, int width) {

    public FeatureShape {
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("feature shape must be positive, got " + channels + "x" + height + "x" + width);
        }
    }

    public int size() {
        return channels * height * width;
    }

    public int plane() {
        return height * width;
    }
}
