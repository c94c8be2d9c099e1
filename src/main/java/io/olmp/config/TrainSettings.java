package io.olmp.config;

/**
 * SGD settings shared by reference training and adjusting ({@code olmp.train}).
 *
 * @param lrPolicy one of {@link #LR_POLICIES}
 * @param checkpointEvery iterations between resumable checkpoints, 0 for none
 * @param fastStep train supported networks (LeNet-5, LeNet-300-100) with io.olmp.kernel.train's
 *        step instead of DL4J's fit(); same gradients and updater, several times faster
 * @param distributed train the reference on the Spark executors with dl4j-spark's parameter averaging
 * @param averagingFrequency with distributed: minibatches each worker fits between two averagings
 */
public record TrainSettings(
        int iterations,
        int batchSize,
        double learningRate,
        String lrPolicy,
        double lrGamma,
        double lrPower,
        int lrStepSize,
        double momentum,
        double weightDecay,
        int progressEvery,
        int checkpointEvery,
        boolean fastStep,
        boolean distributed,
        int averagingFrequency) {

    public static final java.util.List<String> LR_POLICIES = java.util.List.of("fixed", "inv", "step");

    public TrainSettings withIterations(int newIterations) {
        return new TrainSettings(newIterations, batchSize, learningRate, lrPolicy, lrGamma, lrPower,
                lrStepSize, momentum, weightDecay, progressEvery, checkpointEvery, fastStep, distributed,
                averagingFrequency);
    }
}
