package io.olmp.prune;

/**
 * Maps a search vector x (one coordinate per prunable layer, in layer order) to thresholds.
 * The search never sees weights; swapping the codec (percentiles, absolute values) does not
 * touch it.
 */
public interface ThresholdCodec {

    /** Search-space bounds per coordinate. */
    double[] lowerBounds();

    double[] upperBounds();

    LayerThresholds decode(double[] x);
}
