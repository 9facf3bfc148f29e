package org.openrom.agent.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The keystore password, from a file that only its owner may read (mode 0600), never from the command line
 * (ADR 0004). {@code enrol} creates the file with a random password when it does not exist yet.
 */
public final class PasswordFile {
    private PasswordFile() {}

    /** The first line of the file. @throws IllegalArgumentException if others can read it, or it is empty */
    public static char[] read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("keystore password file not found: " + file);
        }
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (perms.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
                throw new IllegalArgumentException("keystore password file " + file + " is readable by others (mode "
                        + PosixFilePermissions.toString(perms) + "); run chmod 600 on it");
            }
        }
        String line = Files.readString(file, StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
        if (line.isEmpty()) {
            throw new IllegalArgumentException("keystore password file is empty: " + file);
        }
        return line.toCharArray();
    }

    /** Creates the file (0600) with 32 random bytes, base64, unless it exists. @return true if created */
    public static boolean createIfAbsent(Path file, SecureRandom random) throws IOException {
        if (Files.exists(file)) {
            return false;
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        Files.createDirectories(file.toAbsolutePath().getParent());
        try {
            if (Files.getFileStore(file.toAbsolutePath().getParent()).supportsFileAttributeView("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException e) {
            return false;
        }
        Files.writeString(file, Base64.getEncoder().withoutPadding().encodeToString(secret) + "\n", StandardCharsets.UTF_8);
        return true;
    }
}
