package org.openrom.web.internal.clinician;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openrom.profiles.Profiles;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Which measures are due in a session, per service: rules of the form
 * {@code service | sessions | measures [| ages]}, e.g. {@code *|every|ypcore,gbo,srs},
 * {@code *|assessment,review,close|rcads-c,sdq-s|8-18} or {@code 16-25 Service|every|phq9,gad7}. {@code service}
 * is the host's service name of the episode, or {@code *} for any; {@code sessions} is {@code every} or a list of
 * {@code assessment}, {@code ongoing}, {@code review}, {@code close}; {@code ages} an inclusive range of whole years
 * ({@code 16-}: 16 and over). The measures of every matching rule are due, in rule order, each once. Thread-safe.
 */
@Component(service = MeasureSchedule.class)
@Designate(ocd = MeasureSchedule.Config.class)
public final class MeasureSchedule {

    @ObjectClassDefinition(name = "OpenROM measure schedule", description = "Which measures are due in a session.")
    public @interface Config {
        @AttributeDefinition(description = "Rules 'service|sessions|measures[|ages]', e.g. '*|every|ypcore,gbo'.")
        String[] rules() default {
            "*|every|ypcore,gbo,srs",
            "*|assessment,review,close|rcads-c|8-18",
            "*|assessment,review,close|sdq-s|11-17",
            "*|every|phq9,gad7|16-"
        };
    }

    record Rule(String service, Set<SessionKind> kinds, List<String> measures, int minAge, int maxAge) {
        boolean matches(String episodeService, SessionKind kind, int age) {
            return (service.equals("*") || service.equalsIgnoreCase(episodeService.strip()))
                    && kinds.contains(kind) && age >= minAge && age <= maxAge;
        }
    }

    private final List<Rule> rules;

    @Activate
    public MeasureSchedule(Config config) {
        Set<String> known = new LinkedHashSet<>(Profiles.measureIds());
        List<Rule> parsed = new ArrayList<>();
        for (String r : config.rules()) {
            parsed.add(parse(r, known));
        }
        this.rules = List.copyOf(parsed);
    }

    /** The measures due, in rule order, without repeats. */
    public List<String> due(String service, SessionKind kind, int age) {
        Set<String> due = new LinkedHashSet<>();
        for (Rule r : rules) {
            if (r.matches(service, kind, age)) {
                due.addAll(r.measures());
            }
        }
        return List.copyOf(due);
    }

    static Rule parse(String rule, Set<String> known) {
        String[] parts = rule.split("\\|", -1);
        if (parts.length < 3 || parts.length > 4) {
            throw new IllegalArgumentException("rules: '" + rule + "' is not 'service|sessions|measures[|ages]'");
        }
        String service = parts[0].strip();
        if (service.isEmpty()) {
            throw new IllegalArgumentException("rules: '" + rule + "' names no service (use * for any)");
        }
        Set<SessionKind> kinds = EnumSet.noneOf(SessionKind.class);
        for (String k : parts[1].split(",")) {
            String key = k.strip().toLowerCase(Locale.ROOT);
            if (key.equals("every")) {
                kinds.addAll(EnumSet.allOf(SessionKind.class));
            } else {
                SessionKind kind = SessionKind.ofKey(key);
                if (kind == null) {
                    throw new IllegalArgumentException("rules: '" + rule + "': unknown session kind '" + k.strip()
                            + "' (every, assessment, ongoing, review, close)");
                }
                kinds.add(kind);
            }
        }
        List<String> measures = new ArrayList<>();
        for (String m : parts[2].split(",")) {
            String id = m.strip();
            if (!known.contains(id)) {
                throw new IllegalArgumentException("rules: '" + rule + "': unknown measure '" + id + "'");
            }
            measures.add(id);
        }
        int[] ages = parts.length == 4 ? ages(parts[3].strip(), rule) : new int[] {0, Integer.MAX_VALUE};
        return new Rule(service, kinds, List.copyOf(measures), ages[0], ages[1]);
    }

    private static int[] ages(String range, String rule) {
        if (!range.matches("\\d{1,3}-(\\d{1,3})?")) {
            throw new IllegalArgumentException("rules: '" + rule + "': ages must be like 11-17 or 16-, not '" + range + "'");
        }
        String[] ends = range.split("-", -1);
        int min = Integer.parseInt(ends[0]);
        int max = ends[1].isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(ends[1]);
        if (max < min) {
            throw new IllegalArgumentException("rules: '" + rule + "': ages end before they start: '" + range + "'");
        }
        return new int[] {min, max};
    }

    /** For messages: the default kind of a session, assessment when the episode has nothing stored yet. */
    static SessionKind defaultKind(@Nullable String requested, boolean episodeHasResponses) {
        SessionKind k = SessionKind.ofKey(requested);
        if (k != null) {
            return k;
        }
        return episodeHasResponses ? SessionKind.ONGOING : SessionKind.ASSESSMENT;
    }
}
