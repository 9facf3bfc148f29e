package org.openrom.agent.cli;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A command's options: {@code --name value}, {@code --name=value}, flags and at most one positional argument. */
final class Options {
    private final List<String> args = new ArrayList<>();

    Options(List<String> raw) {
        for (String a : raw) {
            if (a.startsWith("--") && a.contains("=")) {
                args.add(a.substring(0, a.indexOf('=')));
                args.add(a.substring(a.indexOf('=') + 1));
            } else {
                args.add(a);
            }
        }
    }

    /** Takes {@code --name value}; the default when absent. */
    @Nullable String value(String name, @Nullable String dflt) {
        int i = args.indexOf(name);
        if (i < 0) {
            return dflt;
        }
        if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        String v = args.get(i + 1);
        args.remove(i + 1);
        args.remove(i);
        return v;
    }

    boolean flag(String name) {
        return args.remove(name);
    }

    /** Takes the one positional argument, if any. */
    @Nullable String positional() {
        for (int i = 0; i < args.size(); i++) {
            if (!args.get(i).startsWith("--")) {
                return args.remove(i);
            }
        }
        return null;
    }

    /** @throws IllegalArgumentException naming anything left over */
    void done() {
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("unexpected argument '" + args.get(0) + "'");
        }
    }
}
