package org.openrom.store.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a migration script into statements, because JDBC runs one statement per call. Understands
 * {@code --} and block comments, quoted strings and identifiers, and {@code CREATE TRIGGER … END;} bodies
 * (whose inner semicolons do not end the statement). Comments are dropped.
 */
final class SqlScript {

    private SqlScript() {}

    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int i = 0;
        int n = script.length();
        while (i < n) {
            char c = script.charAt(i);
            if (c == '-' && i + 1 < n && script.charAt(i + 1) == '-') {
                i = skipTo(script, i, "\n");
            } else if (c == '/' && i + 1 < n && script.charAt(i + 1) == '*') {
                i = skipTo(script, i + 2, "*/");
            } else if (c == '\'' || c == '"' || c == '`' || c == '[') {
                int end = quotedEnd(script, i, c == '[' ? ']' : c);
                current.append(script, i, end);
                i = end;
            } else if (c == ';' && !insideTrigger(current)) {
                add(out, current);
                i++;
            } else {
                current.append(c);
                i++;
            }
        }
        add(out, current);
        return out;
    }

    /** Index just past the end of the quoted text starting at {@code start}; doubled quotes escape. */
    private static int quotedEnd(String s, int start, char close) {
        int i = start + 1;
        while (i < s.length()) {
            if (s.charAt(i) == close) {
                if (close != ']' && i + 1 < s.length() && s.charAt(i + 1) == close) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        throw new IllegalArgumentException("unterminated quote starting at offset " + start);
    }

    private static int skipTo(String s, int from, String terminator) {
        int end = s.indexOf(terminator, from);
        return end < 0 ? s.length() : end + terminator.length();
    }

    /** A trigger body ends at "END;"; until then its semicolons belong to the statement. */
    private static boolean insideTrigger(CharSequence statement) {
        String words = statement.toString().trim().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
        boolean trigger = words.matches("CREATE (TEMP |TEMPORARY )?TRIGGER .*");
        return trigger && !words.matches(".*\\bEND");
    }

    private static void add(List<String> out, StringBuilder current) {
        String statement = current.toString().trim();
        if (!statement.isEmpty()) {
            out.add(statement);
        }
        current.setLength(0);
    }
}
