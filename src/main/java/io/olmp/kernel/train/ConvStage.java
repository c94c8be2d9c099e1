package io.olmp.kernel.train;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A valid convolution as im2col + one GEMM: cols [n * oH * oW, K] x Wmat [K, oC] gives the NHWC
 * output directly. DL4J keeps W as [oC, iC, kH, kW]; Wmat is its (kh, kw, c)-major transpose.
 */
final class ConvStage implements Stage {

    private final Im2Col geometry;
    private final int outChannels;
    private final boolean relu;
    private final WeightedParams params;
    private final INDArray weightMatrix;
    private final INDArray weightGradientMatrix;
    private int n = -1;
    private float[] cols;
    private INDArray colsNative;
    private INDArray outNative;
    private float[] out;
    private INDArray dOutNative;
    private INDArray dColsNative;
    private float[] dCols;
    private float[] dIn;

    ConvStage(Im2Col geometry, int outChannels, boolean relu, WeightedParams params) {
        this.geometry = geometry;
        this.outChannels = outChannels;
        this.relu = relu;
        this.params = params;
        this.weightMatrix = FloatTransfer.matrix(geometry.columns(), outChannels);
        this.weightGradientMatrix = FloatTransfer.matrix(geometry.columns(), outChannels);
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
        geometry.im2col(in, batch, cols);
        FloatTransfer.toNative(cols, colsNative);
        kernelLayout(weightMatrix).assign(params.effectiveWeight().permute(2, 3, 1, 0));
        Nd4j.gemm(colsNative, weightMatrix, outNative, false, false, 1.0, 0.0);
        FloatTransfer.fromNative(outNative, out);
        WeightedParams.addBiasAndActivate(out, rows(), params.biasValues(), relu);
        return out;
    }

    @Override
    public float[] backward(float[] dOut, int batch, boolean needInputGradient) {
        if (relu) {
            WeightedParams.reluBackward(dOut, out, rows() * outChannels);
        }
        params.setBiasGradient(WeightedParams.columnSums(dOut, rows(), outChannels));
        FloatTransfer.toNative(dOut, dOutNative);
        Nd4j.gemm(colsNative, dOutNative, weightGradientMatrix, true, false, 1.0, 0.0);
        params.weightGradient.assign(kernelLayout(weightGradientMatrix).permute(3, 2, 0, 1));
        if (!needInputGradient) {
            return null;
        }
        Nd4j.gemm(dOutNative, weightMatrix, dColsNative, false, true, 1.0, 0.0);
        FloatTransfer.fromNative(dColsNative, dCols);
        geometry.col2im(dCols, batch, dIn);
        return dIn;
    }

    /** [K, oC] seen as [kH, kW, iC, oC]. */
    private INDArray kernelLayout(INDArray matrix) {
        return matrix.reshape('c', geometry.kernelH(), geometry.kernelW(), geometry.channels(), outChannels);
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
        cols = new float[rows() * k];
        colsNative = FloatTransfer.matrix(rows(), k);
        outNative = FloatTransfer.matrix(rows(), outChannels);
        out = new float[rows() * outChannels];
        dOutNative = FloatTransfer.matrix(rows(), outChannels);
        dColsNative = FloatTransfer.matrix(rows(), k);
        dCols = new float[rows() * k];
        dIn = new float[n * geometry.imageSize()];
    }
}
