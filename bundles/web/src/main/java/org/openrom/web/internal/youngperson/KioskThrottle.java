package org.openrom.web.internal.youngperson;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Counts wrong kiosk codes in fixed windows, per client address and in all. While either limit is reached, every
 * code is refused, right or wrong, so that guessing stops rather than slows; the global limit also holds against
 * guesses spread over many addresses (at the price that a flood can lock the kiosk for one window, which a
 * clinician's link still gets round). Thread-safe.
 */
final class KioskThrottle {
    /** Addresses tracked at once; beyond it, wrong codes count only towards the global limit. */
    static final int MAX_ADDRESSES = 10_000;

    private record Window(Instant start, int wrong) {}

    private final int perAddress;
    private final int inAll;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Window> byAddress = new ConcurrentHashMap<>();
    private Window global;

    KioskThrottle(int perAddress, int inAll, Duration window, Clock clock) {
        this.perAddress = perAddress;
        this.inAll = inAll;
        this.window = window;
        this.clock = clock;
        this.global = new Window(clock.instant(), 0);
    }

    /** True when this address, or everyone, has entered the most wrong codes the window allows. */
    synchronized boolean blocked(String address) {
        Instant now = clock.instant();
        return current(global, now).wrong() >= inAll || current(byAddress.get(address), now).wrong() >= perAddress;
    }

    /** Counts one wrong code. */
    synchronized void wrong(String address) {
        Instant now = clock.instant();
        global = bump(global, now);
        if (byAddress.size() >= MAX_ADDRESSES) {
            byAddress.values().removeIf(w -> !now.isBefore(w.start().plus(window)));
        }
        if (byAddress.containsKey(address) || byAddress.size() < MAX_ADDRESSES) {
            byAddress.put(address, bump(byAddress.get(address), now));
        }
    }

    private Window current(@Nullable Window w, Instant now) {
        return w == null || !now.isBefore(w.start().plus(window)) ? new Window(now, 0) : w;
    }

    private Window bump(@Nullable Window w, Instant now) {
        Window c = current(w, now);
        return new Window(c.start(), c.wrong() + 1);
    }
}
