package io.olmp.config;

/**
 * Marks an exception that reports bad input or configuration (a file, a key, a flag), as opposed to a failure
 * while running: the command line prints its message alone and exits with 2 instead of 1.
 */
public interface InputError {
}
