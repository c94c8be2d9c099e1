package io.olmp.config;

/** Which network to build ({@code olmp.model}); one of {@link #ARCHITECTURES}. */
public record ModelSettings(String architecture) {
    public static final java.util.List<String> ARCHITECTURES = java.util.List.of("lenet300-100", "lenet5", "alexnet");
}
