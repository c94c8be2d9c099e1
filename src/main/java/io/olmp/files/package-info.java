/**
 * Writing files so that a crash never leaves a half-written one ({@link io.olmp.files.AtomicFiles}: a temporary
 * file in the same folder, forced to disk, then moved over the target). Used by every package that writes run
 * outputs; imports the JDK only.
 */
package io.olmp.files;
