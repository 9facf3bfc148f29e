package org.openrom.store.internal;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;

/** Damages database files the way disks and careless copies do. */
final class Corruption {

    static final int PAGE = 4096;

    private Corruption() {}

    /** Overwrites pages {@code from}..{@code to} (1-based, inclusive) with seeded random bytes. */
    static void overwritePages(Path file, int from, int to) throws IOException {
        byte[] garbage = new byte[PAGE];
        Random random = new Random(42);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            if (f.length() < (long) to * PAGE) {
                throw new IllegalStateException(file + " is only " + f.length() + " bytes, too small to damage pages up to " + to);
            }
            for (int page = from; page <= to; page++) {
                random.nextBytes(garbage);
                f.seek((long) (page - 1) * PAGE);
                f.write(garbage);
            }
        }
    }

    /** Cuts the file to the given fraction of its length, as an interrupted copy does. */
    static void truncate(Path file, double keep) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate((long) (ch.size() * keep));
        }
    }
}
