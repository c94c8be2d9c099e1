package io.olmp.search;

/**
 * Receives each generation's statistics and the state after it, e.g. to log, to write a
 * checkpoint ({@link NcsState#toJson()}) or to append a report row. Called on the thread that
 * runs the search, after the state is complete; an exception thrown here propagates out of
 * {@link Ncs#step} or {@link Ncs#run}.
 */
@FunctionalInterface
public interface GenerationListener {

    /** A listener that ignores everything. */
    GenerationListener NONE = (stats, state) -> { };

    void onGeneration(GenerationStats stats, NcsState state);
}
