package org.openrom.store.internal;

import java.nio.file.Path;
import java.time.Instant;
import org.openrom.store.CloseableResponseStore;
import org.openrom.store.SqliteStores;

/**
 * Child JVM: saves responses in a loop until killed and writes an ack line per response to stdout.
 * {@code AFTER_SAVE} acknowledges only after {@code save} returned (what the capture page does);
 * {@code BEFORE_SAVE} is the control: it acknowledges first, then waits a little, then saves.
 * Args: database file, mode, id prefix.
 */
public final class SavingChild {

    enum Mode {
        AFTER_SAVE,
        BEFORE_SAVE
    }

    private SavingChild() {}

    static String ack(String id) {
        return "ack " + id + " end";
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        Mode mode = Mode.valueOf(args[1]);
        String prefix = args[2];
        try (CloseableResponseStore store = SqliteStores.open(file)) {
            for (long i = 0; ; i++) {
                String id = prefix + "-" + i;
                var response = TestResponses.response(id, "patient-" + (i % 50), "phq9", Instant.now());
                if (mode == Mode.BEFORE_SAVE) {
                    acknowledge(id);
                    Thread.sleep(20);
                    store.save(response);
                } else {
                    store.save(response);
                    acknowledge(id);
                }
            }
        }
    }

    private static void acknowledge(String id) {
        System.out.println(ack(id));
        System.out.flush();
    }
}
