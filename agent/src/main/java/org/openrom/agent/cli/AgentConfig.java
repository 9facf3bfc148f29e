package org.openrom.agent.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import org.openrom.agent.deliver.RetryPolicy;
import org.openrom.agent.schedule.QuarterScheme;
import org.openrom.agent.schedule.Schedule;

/**
 * The agent's configuration, read from a properties file ({@code conf/agent.example.properties} documents every
 * key). Relative paths are resolved against the file's folder. Every check names the key and the bad value.
 */
public record AgentConfig(
        Path file,
        String siteId,
        Path siteDatabase,
        Path dataDir,
        Path keystore,
        Path passwordFile,
        URI collatorUrl,
        List<String> collatorPins,
        Schedule schedule,
        RetryPolicy retry,
        int retentionDays,
        int certificateWarnDays,
        Duration connectTimeout,
        Duration readTimeout) {

    /** ADR 0004: an ODS-style code. */
    public static final Pattern SITE_ID = Pattern.compile("[A-Z0-9]{3,12}");

    private static final Pattern PIN = Pattern.compile("sha256/[A-Za-z0-9+/]{43}=");
    private static final Set<String> KEYS = Set.of("site.id", "site.database", "agent.data", "agent.keystore",
            "agent.keystore.password.file", "collator.url", "collator.pins", "schedule.quarters", "schedule.zone",
            "schedule.time", "schedule.grace.days", "retry.initial", "retry.max.delay", "retry.max.attempts",
            "retention.days", "warn.certificate.days", "http.connect.timeout", "http.read.timeout");

    /** Reads and checks the file. @throws IllegalArgumentException naming the key and value that are wrong */
    public static AgentConfig load(Path file) throws IOException {
        Properties p = new Properties();
        try (java.io.Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        for (String key : p.stringPropertyNames()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException(file + ": unknown key '" + key + "'");
            }
        }
        return from(file, p);
    }

    static AgentConfig from(Path file, Properties p) {
        Path base = file.toAbsolutePath().getParent();
        Props r = new Props(file, p);
        String site = r.required("site.id");
        if (!SITE_ID.matcher(site).matches()) {
            throw r.bad("site.id", site, "expected 3 to 12 capital letters or digits, e.g. RXX01");
        }
        Path data = base.resolve(r.required("agent.data")).normalize();
        String url = r.get("collator.url", "");
        URI collator = url.isEmpty() ? URI.create("https://collator.invalid/") : parseUrl(r, url);
        List<String> pins = r.get("collator.pins", "").isBlank() ? List.of()
                : List.of(r.get("collator.pins", "").trim().split("\\s*,\\s*"));
        for (String pin : pins) {
            if (!PIN.matcher(pin).matches()) {
                throw r.bad("collator.pins", pin, "expected sha256/<base64 of 32 bytes>");
            }
        }
        Schedule schedule = new Schedule(scheme(r), zone(r), time(r), r.integer("schedule.grace.days", 0, 0, 60));
        RetryPolicy retry = new RetryPolicy(r.duration("retry.initial", "PT30S"), r.duration("retry.max.delay", "PT1H"),
                r.integer("retry.max.attempts", 10, 1, 1000));
        return new AgentConfig(file, site, base.resolve(r.required("site.database")).normalize(), data,
                data.resolve(r.get("agent.keystore", "site.p12")).normalize(),
                base.resolve(r.required("agent.keystore.password.file")).normalize(), collator, pins, schedule, retry,
                r.integer("retention.days", 90, 1, 3650), r.integer("warn.certificate.days", 30, 1, 365),
                r.duration("http.connect.timeout", "PT10S"), r.duration("http.read.timeout", "PT15M"));
    }

    private static URI parseUrl(Props r, String url) {
        try {
            URI uri = new URI(url);
            if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw r.bad("collator.url", url, "expected https://host[:port]");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw r.bad("collator.url", url, "not a URL");
        }
    }

    private static QuarterScheme scheme(Props r) {
        String s = r.get("schedule.quarters", "financial");
        try {
            return QuarterScheme.valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw r.bad("schedule.quarters", s, "expected financial or calendar");
        }
    }

    private static ZoneId zone(Props r) {
        String s = r.get("schedule.zone", "Europe/London");
        try {
            return ZoneId.of(s);
        } catch (java.time.DateTimeException e) {
            throw r.bad("schedule.zone", s, "not a time zone id");
        }
    }

    private static LocalTime time(Props r) {
        String s = r.get("schedule.time", "02:00");
        try {
            return LocalTime.parse(s);
        } catch (DateTimeParseException e) {
            throw r.bad("schedule.time", s, "expected HH:MM");
        }
    }

    /** Where the agent keeps its own state, receipts and batches. */
    public Path stateDatabase() {
        return dataDir.resolve("agent.db");
    }

    public Path batchDir() {
        return dataDir.resolve("batches");
    }

    public Path statusFile() {
        return dataDir.resolve("agent-status.json");
    }

    public Path collatorCertificates() {
        return dataDir.resolve("collator-certs.pem");
    }

    /** Reads typed values with errors that name the file, the key and the value. */
    private record Props(Path file, Properties p) {
        String get(String key, String dflt) {
            return p.getProperty(key, dflt).trim();
        }

        String required(String key) {
            String v = get(key, "");
            if (v.isEmpty()) {
                throw new IllegalArgumentException(file + ": " + key + " is required");
            }
            return v;
        }

        int integer(String key, int dflt, int min, int max) {
            String v = get(key, Integer.toString(dflt));
            try {
                int i = Integer.parseInt(v);
                if (i < min || i > max) {
                    throw bad(key, v, "expected " + min + ".." + max);
                }
                return i;
            } catch (NumberFormatException e) {
                throw bad(key, v, "not a whole number");
            }
        }

        Duration duration(String key, String dflt) {
            String v = get(key, dflt);
            try {
                Duration d = Duration.parse(v);
                if (d.isNegative() || d.isZero()) {
                    throw bad(key, v, "must be positive");
                }
                return d;
            } catch (DateTimeParseException e) {
                throw bad(key, v, "expected an ISO-8601 duration such as PT30S");
            }
        }

        IllegalArgumentException bad(String key, String value, String why) {
            return new IllegalArgumentException(file + ": " + key + "='" + value + "': " + why);
        }
    }
}
