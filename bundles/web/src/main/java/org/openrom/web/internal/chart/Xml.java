package org.openrom.web.internal.chart;

/**
 * The one escaping function for text put into SVG and HTML by the chart code. Goal wording is typed by young
 * people and clinicians, so it is hostile input: it must always come out as text.
 */
public final class Xml {
    private Xml() {}

    /**
     * Text safe in XML and HTML element content and in double- or single-quoted attribute values: {@code & < > " '}
     * become entities; characters XML 1.0 forbids (most C0 controls, unpaired surrogates, U+FFFE, U+FFFF) become
     * U+FFFD, so the SVG stays well-formed whatever was typed.
     */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (allowed(c)) {
                        out.append(c);
                    } else {
                        out.append('\uFFFD');
                    }
                }
            }
        }
        return out.toString();
    }

    private static boolean allowed(char c) {
        if (Character.isSurrogate(c)) {
            return false; // paired surrogates are handled by the caller
        }
        return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF);
    }
}
