/**
 * {@code olmp compare}: reads the {@code result.json} of finished OLMP runs and baselines and
 * sets them side by side, as an aligned text table, an HTML page and PNG bar charts (JFreeChart).
 */
package io.olmp.compare;
