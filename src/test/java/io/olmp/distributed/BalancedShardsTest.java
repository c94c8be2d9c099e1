package io.olmp.distributed;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Shards fill the task slots evenly and never exceed the configured size. */
class BalancedShardsTest {

    @Test
    void shardCountIsAMultipleOfTheSlots() {
        assertEquals(1500, SparkShardCounters.balancedShardSize(6000, 2000, 2)); // 4 shards, not 3
        assertEquals(1500, SparkShardCounters.balancedShardSize(6000, 2000, 4));
        assertEquals(2000, SparkShardCounters.balancedShardSize(6000, 2000, 3));
        assertEquals(2000, SparkShardCounters.balancedShardSize(6000, 2000, 1));
        assertEquals(750, SparkShardCounters.balancedShardSize(6000, 2000, 8));
        assertEquals(250, SparkShardCounters.balancedShardSize(1000, 2000, 4));
        assertEquals(1, SparkShardCounters.balancedShardSize(1, 2000, 2));
    }

    @Test
    void neverLargerThanTheConfiguredSize() {
        for (int images = 1; images < 5000; images += 37) {
            for (int slots = 1; slots <= 8; slots++) {
                int size = SparkShardCounters.balancedShardSize(images, 700, slots);
                int shards = (images + size - 1) / size;
                assertEquals(true, size <= 700, images + " images, " + slots + " slots: " + size);
                assertEquals(true, shards >= Math.min(images, slots), images + " images, " + slots + " slots: " + shards + " shards");
            }
        }
    }
}
