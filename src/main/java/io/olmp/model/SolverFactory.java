package io.olmp.model;

import io.olmp.config.TrainSettings;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.InverseSchedule;
import org.nd4j.linalg.schedule.MapSchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.linalg.schedule.StepSchedule;

/**
 * The SGD solver of the paper's Caffe setting in DL4J terms. Caffe's "inv" policy
 * {@code lr * (1 + gamma * iter)^-power} is DL4J's {@link InverseSchedule}; Caffe's momentum SGD
 * becomes DL4J's Nesterov momentum (DL4J has no plain-momentum updater); weight decay is L2 on
 * the weights, added to the gradient before the update as Caffe does.
 */
public final class SolverFactory {

    private SolverFactory() {}

    public static IUpdater updater(TrainSettings train) {
        return new Nesterovs(schedule(train), train.momentum());
    }

    static ISchedule schedule(TrainSettings train) {
        return switch (train.lrPolicy()) {
            case "fixed" -> new MapSchedule(ScheduleType.ITERATION, java.util.Map.of(0, train.learningRate()));
            case "inv" -> new InverseSchedule(ScheduleType.ITERATION, train.learningRate(), train.lrGamma(), train.lrPower());
            case "step" -> new StepSchedule(ScheduleType.ITERATION, train.learningRate(), train.lrGamma(), train.lrStepSize());
            default -> throw new IllegalArgumentException("unknown lr-policy " + train.lrPolicy());
        };
    }
}
