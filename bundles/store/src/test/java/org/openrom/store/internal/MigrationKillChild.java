package org.openrom.store.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * Child JVM: opens the database with a migrator whose migration {@code version} stops after statement
 * {@code index}: the child prints {@code in-migration} there and blocks, waiting for the parent's SIGKILL.
 * Args: database file, migrator mode, version, index. The migrations are the shipped ones plus
 * {@link KillProbeMigration} when {@code version} is the probe's.
 */
public final class MigrationKillChild {

    private MigrationKillChild() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        Migrator.Mode mode = Migrator.Mode.valueOf(args[1]);
        int version = Integer.parseInt(args[2]);
        int index = Integer.parseInt(args[3]);
        List<Migration> migrations = version == KillProbeMigration.VERSION
                ? KillProbeMigration.shippedAndProbe()
                : KillProbeMigration.shippedUpTo(version);
        Migrator migrator = new Migrator(migrations, mode, (migration, i) -> {
            if (migration.version() == version && i == index) {
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
