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
