package io.olmp.bench;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;

/**
 * The arithmetic limit of this machine as ND4J sees it: float32 GEMM rate on preallocated operands, for the
 * product shapes the LeNet forward passes use (best of several repetitions after a warm-up). The peak is the
 * best rate over the shapes; 1 multiply-accumulate counts as 2 floating-point operations.
 */
public final class MatmulPeak {

    /** One product shape {@code [m x k] . [k x n]} and its best rate. */
    public record Shape(long m, long k, long n, double seconds, double gflops) {}

    /** The rates of all shapes and the best of them. */
    public record Result(List<Shape> shapes, double peakGflops) {}

    /**
     * LeNet-300-100's first layer on 6,000 images, LeNet-5's conv2 as im2col on 256 images, its fc layer, and a
     * square product (usually the fastest shape).
     */
    public static final long[][] DEFAULT_SHAPES = {{6000, 784, 300}, {256 * 64, 500, 50}, {6000, 800, 500},
        {1024, 1024, 1024}};

    private MatmulPeak() {}

    public static Result measure(int repetitions) {
        return measure(DEFAULT_SHAPES, repetitions);
    }

    public static Result measure(long[][] shapes, int repetitions) {
        List<Shape> results = new ArrayList<>();
        for (long[] s : shapes) {
            INDArray a = Nd4j.rand(DataType.FLOAT, s[0], s[1]);
            INDArray b = Nd4j.rand(DataType.FLOAT, s[1], s[2]);
            INDArray c = Nd4j.create(DataType.FLOAT, s[0], s[2]);
            double best = Double.POSITIVE_INFINITY;
            for (int r = 0; r <= repetitions; r++) {
                long t0 = System.nanoTime();
                Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
                double seconds = (System.nanoTime() - t0) / 1e9;
                if (r > 0) { // repetition 0 warms up
                    best = Math.min(best, seconds);
                }
            }
            results.add(new Shape(s[0], s[1], s[2], best, 2.0 * s[0] * s[1] * s[2] / best / 1e9));
        }
        return new Result(results, results.stream().mapToDouble(Shape::gflops).max().orElse(0));
    }
}
