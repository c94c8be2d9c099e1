package io.olmp.kernel.train;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A valid convolution as im2col + one GEMM: cols [n * oH * oW, K] x Wmat [K, oC] gives the NHWC
 * output directly. im2col writes, and col2im reads, the products' off-heap buffers (no copies). DL4J keeps W as [oC, iC, kH, kW]; Wmat is its (kh, kw, c)-major transpose.
 */
final class ConvStage implements TrainingStage {

    private final NhwcIm2col geometry;
    private final int outChannels;
    private final boolean relu;
    private final WeightedParams params;
    private final INDArray weightMatrix;
    private final INDArray weightGradientMatrix;
    private final float[] weightValues;
    private final float[] maskValues;
    private final float[] kernelValues;
    private int n = -1;
    private INDArray colsNative;
    private INDArray outNative;
    private float[] out;
    private INDArray dOutNative;
    private INDArray dColsNative;
    private float[] dIn;

    ConvStage(NhwcIm2col geometry, int outChannels, boolean relu, WeightedParams params) {
        this.geometry = geometry;
        this.outChannels = outChannels;
        this.relu = relu;
        this.params = params;
        this.weightMatrix = FloatTransfer.matrix(geometry.columns(), outChannels);
        this.weightGradientMatrix = FloatTransfer.matrix(geometry.columns(), outChannels);
        int weights = geometry.columns() * outChannels;
        this.weightValues = new float[weights];
        this.maskValues = new float[weights];
        this.kernelValues = new float[weights];
    }

    @Override
    public long macsPerExample() {
        return (long) geometry.outH() * geometry.outW() * geometry.columns() * outChannels;
    }

    @Override
    public int outSize() {
        return geometry.outH() * geometry.outW() * outChannels;
    }

    @Override
    public float[] forward(float[] in, int batch) {
        allocate(batch);
        geometry.im2col(in, batch, FloatTransfer.buffer(colsNative));
        params.effectiveWeightValues(weightValues, maskValues);
        toKernelLayout(weightValues, kernelValues);
        FloatTransfer.toNative(kernelValues, weightMatrix);
        Nd4j.gemm(colsNative, weightMatrix, outNative, false, false, 1.0, 0.0);
        WeightedParams.addBiasAndActivate(FloatTransfer.buffer(outNative), out, rows(), params.biasValues(), relu);
        return out;
    }

    @Override
    public float[] backward(float[] dOut, int batch, boolean needInputGradient) {
        params.setBiasGradient(WeightedParams.preActivationGradient(dOut, out, relu, rows(), outChannels,
                FloatTransfer.buffer(dOutNative)));
        Nd4j.gemm(colsNative, dOutNative, weightGradientMatrix, true, false, 1.0, 0.0);
        FloatTransfer.fromNative(weightGradientMatrix, kernelValues);
        fromKernelLayout(kernelValues, weightValues);
        FloatTransfer.writeContiguous(weightValues, params.weightGradient);
        if (!needInputGradient) {
            return null;
        }
        Nd4j.gemm(dOutNative, weightMatrix, dColsNative, false, true, 1.0, 0.0);
        geometry.col2im(FloatTransfer.buffer(dColsNative), batch, dIn);
        return dIn;
    }

    /** DL4J's [oC, iC, kH, kW] to the product's [kH, kW, iC, oC] (both 'c' order). */
    private void toKernelLayout(float[] dl4j, float[] kernel) {
        permute(dl4j, kernel, true);
    }

    /** The product's [kH, kW, iC, oC] back to DL4J's [oC, iC, kH, kW]. */
    private void fromKernelLayout(float[] kernel, float[] dl4j) {
        permute(kernel, dl4j, false);
    }

    private void permute(float[] from, float[] to, boolean toKernel) {
        int kh = geometry.kernelH();
        int kw = geometry.kernelW();
        int ic = geometry.channels();
        for (int o = 0; o < outChannels; o++) {
            for (int c = 0; c < ic; c++) {
                for (int y = 0; y < kh; y++) {
                    for (int x = 0; x < kw; x++) {
                        int dl4j = ((o * ic + c) * kh + y) * kw + x;
                        int kernel = ((y * kw + x) * ic + c) * outChannels + o;
                        if (toKernel) {
                            to[kernel] = from[dl4j];
                        } else {
                            to[dl4j] = from[kernel];
                        }
                    }
                }
            }
        }
    }

    private int rows() {
        return n * geometry.outH() * geometry.outW();
    }

    private void allocate(int batch) {
        if (batch == n) {
            return;
        }
        n = batch;
        int k = geometry.columns();
        colsNative = FloatTransfer.matrix(rows(), k);
        outNative = FloatTransfer.matrix(rows(), outChannels);
        out = new float[rows() * outChannels];
        dOutNative = FloatTransfer.matrix(rows(), outChannels);
        dColsNative = FloatTransfer.matrix(rows(), k);
        dIn = new float[n * geometry.imageSize()];
    }
}
