package org.openrom.agent.deliver;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** How one PUT ended. */
public sealed interface Attempt {
    /** A receipt that verified: its DER bytes and its JSON. */
    record Acknowledged(byte[] receipt, String json, int status) implements Attempt {}

    /** Worth retrying; {@code retryAfter} from the collator's Retry-After, if any. */
    record Retry(String error, @Nullable Duration retryAfter) implements Attempt {}

    /** Not worth retrying: the batch stops with this error until an admin acts. */
    record Stop(DeliveryError code, String error) implements Attempt {}
}
