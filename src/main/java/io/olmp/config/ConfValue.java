package io.olmp.config;

import java.util.Arrays;
import java.util.List;

/** A setting whose value is one of a fixed set of words; enums implement it with the word as written in a conf file. */
public interface ConfValue {

    /** The value as written in a conf file. */
    String key();

    /** Every value of {@code type} as written in a conf file, in declaration order. */
    static <E extends Enum<E> & ConfValue> List<String> keys(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(ConfValue::key).toList();
    }

    /** The value of {@code type} written as {@code key}. */
    static <E extends Enum<E> & ConfValue> E of(Class<E> type, String key) {
        return Arrays.stream(type.getEnumConstants()).filter(v -> v.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown value '" + key + "', expected one of "
                        + keys(type)));
    }
}
