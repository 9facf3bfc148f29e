package org.openrom.agent.seal.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.GenericKey;
import org.bouncycastle.operator.OutputAEADEncryptor;

/**
 * Lets the JDK's AES-GCM cipher serve BC's streaming AuthEnvelopedData generator. RFC 5083 requires authAttrs
 * (here: content-type = id-signedData) because the content is not id-data, and they are GCM's additional
 * authenticated data. BC's stream generator writes them at close, after the content; the JDK cipher (like the
 * GCM specification's interface) accepts AAD only before the first update. So the known authAttrs are fed first,
 * and the bytes BC writes at close are checked to be exactly those (anything else fails the seal).
 */
final class AadFirstEncryptor implements OutputAEADEncryptor {

    /** DER of authAttrs as BC encodes them: SET OF { Attribute(contentType, SET { id-signedData }) }. */
    static final byte[] AUTH_ATTRS = der();

    private final OutputAEADEncryptor delegate;

    AadFirstEncryptor(OutputAEADEncryptor delegate) {
        this.delegate = delegate;
        try (OutputStream aad = delegate.getAADStream()) {
            aad.write(AUTH_ATTRS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot feed the authenticated attributes to GCM", e);
        }
    }

    private static byte[] der() {
        try {
            return new DERSet(new Attribute(CMSAttributes.contentType, new DERSet(CMSObjectIdentifiers.signedData)))
                    .getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public AlgorithmIdentifier getAlgorithmIdentifier() {
        return delegate.getAlgorithmIdentifier();
    }

    @Override
    public OutputStream getOutputStream(OutputStream out) {
        return delegate.getOutputStream(out);
    }

    @Override
    public GenericKey getKey() {
        return delegate.getKey();
    }

    @Override
    public byte[] getMAC() {
        return delegate.getMAC();
    }

    /** Checks that what BC writes as AAD is what was fed first. */
    @Override
    public OutputStream getAADStream() {
        return new OutputStream() {
            private int position;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (position + len > AUTH_ATTRS.length
                        || !Arrays.equals(b, off, off + len, AUTH_ATTRS, position, position + len)) {
                    throw new IOException("authenticated attributes differ from those fed to GCM first");
                }
                position += len;
            }
        };
    }
}
