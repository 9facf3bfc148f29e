package org.openrom.agent.keys;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/** Reading certificates and writing PEM files (written to a temporary file, then renamed into place). */
public final class Pem {
    private Pem() {}

    /** Every certificate in a PEM (or DER) file. @throws IllegalArgumentException naming the file if there is none */
    public static List<X509Certificate> readCertificates(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> certs = new ArrayList<>();
            for (var c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                certs.add((X509Certificate) c);
            }
            if (certs.isEmpty()) {
                throw new IllegalArgumentException("no certificate in " + file);
            }
            return certs;
        } catch (CertificateException e) {
            throw new IllegalArgumentException("not a PEM certificate file: " + file + " (" + e.getMessage() + ")", e);
        }
    }

    /** Writes objects (certificates, a CSR) as PEM, replacing the file atomically. */
    public static void write(Path file, List<?> objects) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.US_ASCII);
                JcaPEMWriter pem = new JcaPEMWriter(w)) {
            for (Object o : objects) {
                pem.writeObject(o);
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
