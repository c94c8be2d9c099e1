package io.olmp.pipeline;

import io.olmp.config.SettingsException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The exclusive owner of an output folder: an OS lock on {@code <dir>/.olmp.lock} (holding the owner's PID),
 * taken before anything else is written there and held until {@link #close()}. The OS drops the lock when its
 * process dies, so a file left by a killed run never blocks {@code --resume}; a second live process is refused
 * at once.
 */
public final class RunFolderLock implements AutoCloseable {

    public static final String FILE = ".olmp.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private RunFolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Locks {@code dir} (created if absent), or fails naming the folder and the PID that holds it. */
    public static RunFolderLock acquire(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new SettingsException(dir + ": cannot create the output folder (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + "); choose another --out");
        }
        if (!Files.isWritable(dir)) {
            throw new SettingsException(dir + ": the output folder is not writable; choose another --out");
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this same JVM
        }
        if (lock == null) {
            String holder = holder(channel);
            channel.close();
            throw new SettingsException(dir + " is in use by another olmp process (PID " + holder + ", lock " + file
                    + "): wait for it to end, or choose another --out");
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(false);
        return new RunFolderLock(channel, lock);
    }

    private static String holder(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(32);
            channel.read(buffer, 0);
            String pid = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).trim();
            return pid.isEmpty() ? "unknown" : pid;
        } catch (IOException e) {
            return "unknown";
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
