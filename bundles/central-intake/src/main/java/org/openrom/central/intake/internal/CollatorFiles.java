package org.openrom.central.intake.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.jspecify.annotations.Nullable;

/**
 * The collator's data folder: {@code collator.p12} (aliases {@code ca}, {@code collator}, {@code central}),
 * {@code collator.pass} (its password, mode 0600), {@code collator.db}, the public {@code ca.crt} and
 * {@code collator.crt}, an optional {@code jdbc-url} (PostgreSQL instead of SQLite, mode 0600),
 * {@code quarantine/} and {@code spool/}.
 */
public record CollatorFiles(Path dir) {
    public CollatorFiles {
        dir = dir.toAbsolutePath().normalize();
    }

    public Path keystore() {
        return dir.resolve("collator.p12");
    }

    public Path passwordFile() {
        return dir.resolve("collator.pass");
    }

    public Path database() {
        return dir.resolve("collator.db");
    }

    public Path caCertificate() {
        return dir.resolve("ca.crt");
    }

    public Path collatorCertificate() {
        return dir.resolve("collator.crt");
    }

    public Path jdbcUrlFile() {
        return dir.resolve("jdbc-url");
    }

    public Path quarantine() {
        return dir.resolve("quarantine");
    }

    public Path spool() {
        return dir.resolve("spool");
    }

    /** The JDBC URL of the store: the {@code jdbc-url} file's first line, else SQLite in this folder. */
    public String jdbcUrl() throws IOException {
        if (Files.isRegularFile(jdbcUrlFile())) {
            String url = Files.readString(jdbcUrlFile(), StandardCharsets.UTF_8).strip();
            if (!url.isEmpty()) {
                return url;
            }
        }
        return "jdbc:sqlite:" + database();
    }

    /** Reads the keystore password; the file must not be readable by others. */
    public char[] password() throws IOException {
        return readPassword(passwordFile());
    }

    public static char[] readPassword(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("no password file " + file + " (run 'openrom collator init' first)");
        }
        String text = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            throw new IOException("password file " + file + " is empty");
        }
        return text.toCharArray();
    }

    /** Writes a file readable and writable by its owner only (0600), replacing nothing. */
    public static void writePrivate(Path file, byte[] content) throws IOException {
        @Nullable Path parent = file.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.write(file, content);
    }
}
