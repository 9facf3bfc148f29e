package org.openrom.store.internal;

import java.nio.file.Path;
import java.time.Clock;

/**
 * Child JVM: opens the database with {@link KillProbeMigration} as version 2, prints {@code in-migration}
 * half way through it and blocks, waiting for the parent's SIGKILL. Args: database file, migrator mode.
 */
public final class MigrationKillChild {

    private MigrationKillChild() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        Migrator.Mode mode = Migrator.Mode.valueOf(args[1]);
        Migrator migrator = new Migrator(KillProbeMigration.v1AndV2(), mode, (migration, index) -> {
            if (migration.version() == 2 && index == KillProbeMigration.STOP_AFTER) {
                System.out.println(KillProbeMigration.SIGNAL);
                System.out.flush();
                sleepUntilKilled();
            }
        });
        new SqliteResponseStore(file, Clock.systemUTC(), migrator).close();
        System.out.println("migration finished: the parent should have killed this process");
    }

    private static void sleepUntilKilled() {
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
