package io.olmp.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.olmp.result.Delivery;
import io.olmp.result.ModelFigures;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DeliveryTest {

    private static final ModelFigures REFERENCE = new ModelFigures(0, 1.0, 266_200, 5871 / 6000.0, 0.9816);

    private static ModelFigures loop(int loop, double ratio, int correct, double test) {
        return new ModelFigures(loop, ratio, Math.round(266_200 / ratio), correct / 6000.0, test);
    }

    @Test
    void withToleranceZeroTheDeliveredValidationIsNeverBelowTheReference() {
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 2_000; trial++) {
            List<ModelFigures> loops = new ArrayList<>();
            double ratio = 1;
            for (int l = 1; l <= 1 + random.nextInt(15); l++) {
                ratio *= 1 + random.nextDouble(2);
                loops.add(loop(l, ratio, 5840 + random.nextInt(60), 0.98));
            }
            ModelFigures delivered = Delivery.choose(REFERENCE, loops, 0);
            assertTrue(delivered.validationAccuracy() >= REFERENCE.validationAccuracy(), delivered::toString);
            for (ModelFigures l : loops) {
                if (l.validationAccuracy() >= REFERENCE.validationAccuracy()) {
                    assertTrue(delivered.compressionRatio() >= l.compressionRatio(), "a more compressed qualifying loop");
                }
            }
        }
    }

    @Test
    void anEarlierLoopIsDeliveredWhenTheLastIsWorse() {
        List<ModelFigures> loops = List.of(loop(1, 10, 5880, 0.981), loop(2, 30, 5872, 0.980), loop(3, 60, 5860, 0.979));
        ModelFigures delivered = Delivery.choose(REFERENCE, loops, 0);
        assertEquals(2, delivered.loop());
        assertEquals(30, delivered.compressionRatio());
    }

    @Test
    void theReferenceIsDeliveredWhenNoLoopQualifies() {
        List<ModelFigures> loops = List.of(loop(1, 10, 5870, 0.99), loop(2, 30, 5800, 0.99));
        ModelFigures delivered = Delivery.choose(REFERENCE, loops, 0);
        assertEquals(REFERENCE, delivered);
        assertTrue(Delivery.describe(delivered, loops.get(1), REFERENCE, 0).contains("REFERENCE"));
    }

    @Test
    void theToleranceIsInAccuracyPoints() {
        List<ModelFigures> loops = List.of(loop(1, 10, 5871, 0.98), loop(2, 30, 5865, 0.98), loop(3, 60, 5864, 0.98));
        // 5865 / 6000 is 0.1 points below 5871 / 6000; 5864 is 0.1167 points below
        assertEquals(2, Delivery.choose(REFERENCE, loops, 0.1).loop());
        assertEquals(1, Delivery.choose(REFERENCE, loops, 0.09).loop());
        assertEquals(3, Delivery.choose(REFERENCE, loops, 0.5).loop());
    }

    @Test
    void testAccuracyNeverDecides() {
        List<ModelFigures> a = List.of(loop(1, 10, 5880, 0.90), loop(2, 30, 5880, 0.99));
        List<ModelFigures> b = List.of(loop(1, 10, 5880, 0.99), loop(2, 30, 5880, 0.90));
        assertEquals(Delivery.choose(REFERENCE, a, 0).loop(), Delivery.choose(REFERENCE, b, 0).loop());
    }
}
