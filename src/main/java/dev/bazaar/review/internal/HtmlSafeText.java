package dev.bazaar.review.internal;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/**
 * Writes user-written text as a JSON string that is also safe to embed in HTML: besides what JSON requires
 * (quote, backslash, control characters), the characters {@code < > & '} and the line and paragraph separators
 * U+2028 and U+2029 are written as six-character unicode escapes (the less-than sign as backslash-u003c). Any JSON
 * parser reads the original text back, but the response body never contains a tag, an entity or a quote that
 * could end an HTML attribute or a script block, even if a client pastes it into a page without escaping.
 */
final class HtmlSafeText extends ValueSerializer<String> {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    @Override
    public void serialize(String value, JsonGenerator generator, SerializationContext context) {
        generator.writeRawValue(quote(value));
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '<', '>', '&', '\'', '\u2028', '\u2029' -> escape(out, c);
                default -> {
                    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
                        escape(out, c);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static void escape(StringBuilder out, char c) {
        out.append("\\u")
                .append(HEX[(c >> 12) & 0xf])
                .append(HEX[(c >> 8) & 0xf])
                .append(HEX[(c >> 4) & 0xf])
                .append(HEX[c & 0xf]);
    }
}
