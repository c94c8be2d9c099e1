package io.olmp.config;

/**
 * Independent random streams derived from the one master seed, so that e.g. changing the
 * number of training iterations does not change the NCS sampling stream.
 */
public record SeedStreams(long master) {

    public long weightInit() {
        return derive(1);
    }

    public long batchOrder() {
        return derive(2);
    }

    public long search() {
        return derive(3);
    }

    /** The batch order of the adjusting after pruning loop (or baseline step) {@code loop}. */
    public long adjustBatchOrder(int loop) {
        return batchOrder() ^ (0x5DEECE66DL * loop);
    }

    /** The NCS sampling stream of pruning loop {@code loop}. */
    public long loopSearch(int loop) {
        return search() + 1_000_003L * loop;
    }

    /** SplitMix64 finaliser of master + stream * golden gamma: well-mixed, cheap, documented. */
    private long derive(int stream) {
        long z = master + stream * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
