package io.olmp.data;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** An input stream that counts the bytes read through it, so that format errors can name their byte offset. */
public class CountingInputStream extends FilterInputStream {

    private long position;

    protected CountingInputStream(InputStream in) {
        super(in);
    }

    /** Bytes read so far. */
    public final long position() {
        return position;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            position++;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            position += n;
        }
        return n;
    }
}
