package io.olmp.kernel.train;

/** Max pooling ({@link NhwcMaxPool}) with its buffers. */
final class PoolStage implements TrainingStage {

    private final NhwcMaxPool pool;
    private int n = -1;
    private float[] out;
    private int[] argmax;
    private float[] dIn;

    PoolStage(NhwcMaxPool pool) {
        this.pool = pool;
    }

    @Override
    public int outSize() {
        return pool.outSize();
    }

    @Override
    public float[] forward(float[] in, int batch) {
        if (batch != n) {
            n = batch;
            out = new float[n * pool.outSize()];
            argmax = new int[n * pool.outSize()];
            dIn = new float[n * pool.height() * pool.width() * pool.channels()];
        }
        pool.forward(in, batch, out, argmax);
        return out;
    }

    @Override
    public float[] backward(float[] dOut, int batch, boolean needInputGradient) {
        if (!needInputGradient) {
            return null;
        }
        pool.backward(dOut, argmax, batch, dIn);
        return dIn;
    }
}
