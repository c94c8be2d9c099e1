/**
 * The {@code olmp} command line (picocli): parses options, loads settings once, and hands them to
 * the pipeline. Exit codes: 0 done, 1 the work failed, 2 bad usage or configuration.
 */
package io.olmp.cli;
