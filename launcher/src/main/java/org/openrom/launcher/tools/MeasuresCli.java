package org.openrom.launcher.tools;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openrom.api.fhir.CapturedResponse;
import org.openrom.api.fhir.InvalidResponseException;
import org.openrom.api.fhir.Issue;
import org.openrom.api.fhir.QuestionnaireResponses;
import org.openrom.api.scoring.MeasureInfo;
import org.openrom.api.scoring.ScoreSet;
import org.openrom.api.scoring.ScoringRequest;
import org.openrom.api.scoring.ScoringService;
import org.openrom.api.scoring.Sex;
import org.openrom.fhir.FhirResponses;
import org.openrom.profiles.Profiles;
import org.openrom.scoring.ScoreJson;
import org.openrom.scoring.Scoring;

/**
 * {@code openrom score}, {@code openrom change} and {@code openrom measures}: the scoring engine from the
 * command line. Input is a FHIR QuestionnaireResponse (checked against its Questionnaire as the site does) or
 * the simple form {@code {"measure":…,"answers":{…},"age":…,"sex":…}}. Output is the score set as JSON
 * (docs/scoring-json.md). Bad input is one line on stderr and exit 2.
 */
public final class MeasuresCli {
    static final String HELP = """
            Usage: openrom score --measure ID [--age N] [--sex female|male] [--content-pack DIR] [FILE|-]
                   openrom change --measure ID [--age N] [--sex female|male] [--content-pack DIR] FIRST LAST
                   openrom measures [--content-pack DIR]

            score     Scores one response and prints the score set as JSON: each scale's value (or why it is
                      missing), bands, T-scores when the content pack has norms, and risk alerts.
            change    Scores two responses of the same measure and informant and prints the change between
                      them: difference, reliable change, cut-off crossing, recovery.
            measures  Lists the measures: id, informant, whether the item text is licensed and present.

            A response is a FHIR R4 QuestionnaireResponse (JSON), or {"measure":"phq9","answers":{"q1":2,...},
            "age":14,"sex":"female"} where a number is the position of the chosen option, counting from 0.
            FILE '-' or no FILE reads standard input. --age and --sex (needed for RCADS T-scores) override the
            file. Exit status: 0 done, 2 bad input (one line saying what was wrong).
            """;

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private @Nullable QuestionnaireResponses fhir;

    private MeasuresCli(InputStream in, PrintStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    /** Entry point for the launcher; JDK types only. Returns the exit status. */
    public static int run(String command, List<String> args, InputStream in, PrintStream out, PrintStream err) {
        try {
            return new MeasuresCli(in, out, err).dispatch(command, args);
        } catch (IllegalArgumentException e) {
            err.println("openrom: " + oneLine(e.getMessage()));
            return 2;
        }
    }

    private int dispatch(String command, List<String> args) {
        Options o = Options.parse(command, args);
        if (o.help) {
            out.print(HELP);
            return 0;
        }
        ScoringService scoring = Scoring.open(o.contentPack);
        if (o.measure != null && scoring.measures().stream().noneMatch(m -> m.id().equals(o.measure))) {
            throw new IllegalArgumentException("unknown measure '" + o.measure + "' (see 'openrom measures')");
        }
        switch (command) {
            case "measures" -> {
                if (!o.files.isEmpty()) {
                    throw new IllegalArgumentException("measures takes no files, got " + o.files);
                }
                out.printf("%-13s %-8s %-12s %-32s %s%n", "MEASURE", "VERSION", "INFORMANT", "ITEM TEXT", "TITLE");
                for (MeasureInfo m : scoring.measures()) {
                    out.printf("%-13s %-8s %-12s %-32s %s%n", m.id(), questionnaireVersion(m.id()), m.informant(),
                            !m.licensedText() ? "free, included"
                                    : m.textAvailable() ? "licensed, from the content pack" : "licensed, needs a content pack",
                            m.title());
                }
                return 0;
            }
            case "score" -> {
                if (o.files.size() > 1) {
                    throw new IllegalArgumentException("score takes one FILE (or - for standard input), got " + o.files);
                }
                ScoreSet set = scoring.score(request(o, o.files.isEmpty() ? "-" : o.files.get(0)));
                out.println(ScoreJson.toJson(set));
                return 0;
            }
            case "change" -> {
                if (o.files.size() != 2) {
                    throw new IllegalArgumentException("change takes two files, FIRST and LAST, got " + o.files.size());
                }
                if (o.files.get(0).equals("-") && o.files.get(1).equals("-")) {
                    throw new IllegalArgumentException("change: only one of FIRST and LAST can be standard input");
                }
                ScoreSet first = scoring.score(request(o, o.files.get(0)));
                ScoreSet last = scoring.score(request(o, o.files.get(1)));
                out.println(ScoreJson.toJson(scoring.change(first, last)));
                return 0;
            }
            default -> throw new IllegalArgumentException("unknown command " + command);
        }
    }

    /** Reads one response in either form and checks it as the site would. */
    private ScoringRequest request(Options o, String file) {
        String json = read(file);
        String where = file.equals("-") ? "standard input" : file;
        ScoringRequest request;
        if (json.contains("\"resourceType\"") && json.matches("(?s).*\"resourceType\"\\s*:\\s*\"QuestionnaireResponse\".*")) {
            CapturedResponse captured;
            try {
                captured = fhir().parse(json);
            } catch (InvalidResponseException e) {
                throw new IllegalArgumentException(where + ": " + describe(e.issues()), e);
            }
            List<Issue> issues = fhir().check(captured);
            if (!issues.isEmpty()) {
                throw new IllegalArgumentException(where + ": " + describe(issues));
            }
            request = ScoringRequest.of(captured, null, Sex.UNKNOWN);
        } else {
            try {
                request = ScoreJson.readRequest(json);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
        }
        if (o.measure != null && !o.measure.equals(request.measureId())) {
            throw new IllegalArgumentException(where + " is a " + request.measureId() + " response, not " + o.measure);
        }
        return new ScoringRequest(request.measureId(), request.answers(),
                o.age != null ? o.age : request.ageYears(), o.sex != null ? o.sex : request.sex());
    }

    private static String questionnaireVersion(String measureId) {
        return Profiles.questionnaire(measureId)
                .map(json -> {
                    try {
                        return new ObjectMapper().readTree(json).path("version").asText("?");
                    } catch (JsonProcessingException e) {
                        return "?";
                    }
                })
                .orElse("?");
    }

    private QuestionnaireResponses fhir() {
        if (fhir == null) {
            fhir = FhirResponses.open();
        }
        return fhir;
    }

    private String read(String file) {
        try {
            byte[] bytes = file.equals("-") ? in.readAllBytes() : Files.readAllBytes(Path.of(file));
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no such file: " + file, e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String describe(List<Issue> issues) {
        StringBuilder s = new StringBuilder(issues.get(0).message());
        if (issues.size() > 1) {
            s.append(" (and ").append(issues.size() - 1).append(" more problem").append(issues.size() > 2 ? "s" : "").append(")");
        }
        return s.toString();
    }

    private static String oneLine(@Nullable String message) {
        return message == null ? "invalid input" : message.replaceAll("\\s*\\R\\s*", " ");
    }

    /** The options all three commands share. */
    private static final class Options {
        @Nullable String measure;
        @Nullable Integer age;
        @Nullable Sex sex;
        @Nullable Path contentPack;
        boolean help;
        final List<String> files = new ArrayList<>();

        static Options parse(String command, List<String> args) {
            Options o = new Options();
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                String value = null;
                if (a.startsWith("--") && a.contains("=")) {
                    value = a.substring(a.indexOf('=') + 1);
                    a = a.substring(0, a.indexOf('='));
                }
                switch (a) {
                    case "--help", "-h" -> o.help = true;
                    case "--measure" -> o.measure = value != null ? value : next(args, ++i, a);
                    case "--age" -> o.age = age(value != null ? value : next(args, ++i, a));
                    case "--sex" -> o.sex = sex(value != null ? value : next(args, ++i, a));
                    case "--content-pack" -> o.contentPack = Path.of(value != null ? value : next(args, ++i, a));
                    default -> {
                        if (a.startsWith("--")) {
                            throw new IllegalArgumentException(command + ": unknown option '" + a + "' (try 'openrom " + command + " --help')");
                        }
                        o.files.add(a);
                    }
                }
            }
            if (!o.help && !command.equals("measures") && o.measure == null) {
                throw new IllegalArgumentException(command + " needs --measure ID (try 'openrom measures')");
            }
            return o;
        }

        private static String next(List<String> args, int i, String option) {
            if (i >= args.size()) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args.get(i);
        }

        private static int age(String value) {
            try {
                int age = Integer.parseInt(value);
                if (age >= 0 && age <= 120) {
                    return age;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("--age must be whole years from 0 to 120, not '" + value + "'");
        }

        private static Sex sex(String value) {
            return switch (value) {
                case "female" -> Sex.FEMALE;
                case "male" -> Sex.MALE;
                default -> throw new IllegalArgumentException("--sex must be female or male, not '" + value + "'");
            };
        }
    }
}
