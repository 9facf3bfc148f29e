package org.openrom.store.internal;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One schema step: the statements that take the database from {@code version - 1} to {@code version}.
 *
 * @param version the schema version after this step ({@code PRAGMA user_version}), from 1
 * @param name the script's name, e.g. {@code V001__responses.sql}
 * @param statements the statements in order, without {@code user_version} (the migrator sets it)
 */
record Migration(int version, String name, List<String> statements) {

    private static final Pattern NAME = Pattern.compile("V(\\d{3})__[a-z0-9_]+\\.sql");
    private static final String FOLDER = "/org/openrom/store/migrations/";

    Migration {
        requireNonNull(name, "name");
        statements = List.copyOf(statements);
        if (version < 1) {
            throw new IllegalArgumentException("migration version must be at least 1: " + version);
        }
        if (statements.isEmpty()) {
            throw new IllegalArgumentException("migration " + name + " has no statements");
        }
    }

    /** Loads a script shipped in this bundle under {@code org/openrom/store/migrations/}. */
    static Migration load(String name) {
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            throw new IllegalArgumentException("migration name must look like V001__what.sql: " + name);
        }
        try (InputStream in = Migration.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("migration script missing from the bundle: " + FOLDER + name);
            }
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new Migration(Integer.parseInt(m.group(1)), name, SqlScript.statements(script));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read migration script " + name, e);
        }
    }
}
