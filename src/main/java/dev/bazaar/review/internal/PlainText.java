package dev.bazaar.review.internal;

/**
 * Review comments are plain text, stored as the user wrote them apart from this clean-up: line breaks normalised
 * to {@code \n}, control characters other than line feed and tab removed (NUL would not even fit in a PostgreSQL
 * text), unpaired surrogates removed, and surrounding whitespace trimmed. Markup is kept as typed: it is text, and
 * {@link HtmlSafeText} makes sure it reaches every consumer as text.
 */
final class PlainText {

    static final int MAX_COMMENT_LENGTH = 5_000;

    private PlainText() {}

    /** The cleaned comment; null when nothing but whitespace is left (a rating without a comment). */
    static String comment(String raw) {
        if (raw == null) {
            return null;
        }
        String lines = raw.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder kept = new StringBuilder(lines.length());
        lines.codePoints().filter(PlainText::isKept).forEach(kept::appendCodePoint);
        String cleaned = kept.toString().strip();
        return cleaned.isEmpty() ? null : cleaned;
    }

    private static boolean isKept(int codePoint) {
        if (codePoint == '\n' || codePoint == '\t') {
            return true;
        }
        int type = Character.getType(codePoint);
        return type != Character.CONTROL && type != Character.SURROGATE;
    }
}
