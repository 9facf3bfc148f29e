package org.openrom.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * {@code openrom <command> [options]}. Exit status: 0 success, 1 failure of our own, 2 a usage problem or
 * bad input (one line on stderr).
 */
public final class Main {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    static final String HELP = """
            Usage: openrom <command> [options]

            Commands:
              site [--port N] [--host ADDR] [--data DIR]
                      Run the site runtime: capture, feedback and the JSON API under /openrom.
                      Defaults: --port 8080, --host 127.0.0.1, --data ./openrom-data
              score --measure ID [--age N] [--sex female|male] [FILE|-]
                      Score one response (FHIR QuestionnaireResponse or simple JSON); print the score set.
              change --measure ID FIRST LAST
                      Score two responses and print the change: reliable change, cut-off crossing, recovery.
              measures
                      List the measures and whether their licensed text is present.
              agent <run|status|preview|submit-now|enrol|rotate-key> [options]
                      The quarterly submission agent (its own process; 'openrom agent help').
              collator <init|register-site|revoke-site|sites|export-certs|serve> [options]
                      The collator: its keys and CA, the sites it accepts, and the intake (HTTPS, /collator).
              version Print the version.
              help    Print this help.

            Run 'openrom <command> --help' for a command's options.
            """;

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h") || args.get(0).equals("help")) {
            out.print(HELP);
            return args.isEmpty() ? USAGE : OK;
        }
        List<String> rest = args.subList(1, args.size());
        try {
            switch (args.get(0)) {
                case "site":
                    return new SiteCommand(out, err).run(rest);
                case "score":
                case "change":
                case "measures":
                    return tool("org.openrom.launcher.tools.MeasuresCli", args.get(0), rest, out, err);
                case "agent":
                    return agent(rest, out, err);
                case "collator":
                    return new CollatorCommand(out, err).run(rest);
                case "version":
                case "--version":
                    out.println("OpenROM " + version());
                    return OK;
                default:
                    throw new UsageException("unknown command '" + args.get(0) + "' (try 'openrom --help')");
            }
        } catch (UsageException e) {
            err.println("openrom: " + e.getMessage());
            return USAGE;
        }
    }

    /** Runs a command-line tool in the tools class loader (see {@link Tools}). */
    private static int tool(String className, String command, List<String> args, PrintStream out, PrintStream err)
            throws UsageException {
        try (Tools tools = new Tools(Distribution.home(false))) {
            return (Integer) tools.call(className, "run",
                    new Class<?>[] {String.class, List.class, java.io.InputStream.class, PrintStream.class, PrintStream.class},
                    command, List.copyOf(args), System.in, out, err);
        } catch (UsageException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(command + " failed", e);
        }
    }

    /**
     * Runs the submission agent in a class loader of its own over {@code lib/agent/} (Bouncy Castle, OkHttp and
     * their dependencies stay out of the launcher and the framework).
     */
    private static int agent(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        try (Tools agent = new Tools(Distribution.home(false), "lib/agent")) {
            return (Integer) agent.call("org.openrom.agent.AgentMain", "run",
                    new Class<?>[] {List.class, InputStream.class, PrintStream.class, PrintStream.class},
                    List.copyOf(args), System.in, out, err);
        } catch (UsageException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("agent failed", e);
        }
    }

    /** This distribution's version. */
    static String version() {
        Properties p = new Properties();
        try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("version.properties missing from the launcher jar");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version");
    }

    /** Splits {@code --name value} and {@code --name=value} options; anything else is an error. */
    static String optionValue(List<String> args, int i, String name) throws UsageException {
        if (i + 1 >= args.size()) {
            throw new UsageException(name + " needs a value");
        }
        return args.get(i + 1);
    }

    static List<String> expandEquals(List<String> args) {
        return args.stream()
                .flatMap(a -> a.startsWith("--") && a.contains("=")
                        ? Arrays.stream(a.split("=", 2))
                        : java.util.stream.Stream.of(a))
                .toList();
    }
}
