package io.olmp.kernel;

/** One step of the forward pass, in layer order. */
sealed interface ForwardStage permits ForwardStage.Conv, ForwardStage.MaxPool, ForwardStage.Lrn, ForwardStage.Dense {

    /**
     * Convolution (DL4J Truncate mode, dilation 1), weights [out, in, kH, kW]; relu or identity.
     * A product: im2col rows (image, oh, ow) x columns (channel, kh, kw), times the weights.
     */
    record Conv(String name, int layerIndex, FeatureShape in, FeatureShape out, int kernelH, int kernelW,
                int strideH, int strideW, int padH, int padW, boolean relu) implements ForwardStage {
        int patch() {
            return in.channels() * kernelH * kernelW;
        }

        int rowsPerImage() {
            return out.plane();
        }

        long macsPerImage() {
            return (long) out.size() * patch();
        }
    }

    /** Max-pooling without padding (Truncate mode). */
    record MaxPool(FeatureShape in, FeatureShape out, int kernelH, int kernelW, int strideH, int strideW)
            implements ForwardStage {}

    /** Local response normalisation, delegated to the network's own DL4J layer (AlexNet only). */
    record Lrn(int layerIndex, FeatureShape shape) implements ForwardStage {}

    /** Dense or output layer: [n, nIn] x W [nIn, nOut] + b; relu, identity, or softmax when output. */
    record Dense(String name, int layerIndex, int nIn, int nOut, boolean relu, boolean output) implements ForwardStage {
        long macsPerImage() {
            return (long) nIn * nOut;
        }
    }
}
