package io.olmp.model;

/** What a network reads: flattened C x H x W images and a number of classes. */
public record InputShape(int channels, int height, int width, int numClasses) {
    public InputShape {
        if (channels < 1 || height < 1 || width < 1 || numClasses < 2) {
            throw new IllegalArgumentException("input shape needs channels, height, width >= 1 and numClasses >= 2, got "
                    + channels + "x" + height + "x" + width + ", " + numClasses + " classes");
        }
    }

    public int featureLength() {
        return channels * height * width;
    }
}
