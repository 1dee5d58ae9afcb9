package dev.bazaar.bench.templates;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

/**
 * The labels for the JTE page, from the same messages.properties Thymeleaf reads. A lookup does what Thymeleaf's
 * StandardMessageResolver does: a map read, then a new MessageFormat when there are arguments. JTE escapes the
 * returned String like any other value.
 */
public final class Messages {

    private final Properties messages;
    private final Locale locale;

    public Messages(Properties messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    public static Properties load(String resource) {
        Properties properties = new Properties();
        try (Reader in = new InputStreamReader(Messages.class.getClassLoader().getResourceAsStream(resource),
                StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    public String language() {
        return locale.getLanguage();
    }

    public String get(String key) {
        String message = messages.getProperty(key);
        return message == null ? "??" + key + "_" + locale + "??" : message;
    }

    public String get(String key, Object... arguments) {
        String message = messages.getProperty(key);
        if (message == null) {
            return "??" + key + "_" + locale + "??";
        }
        return new MessageFormat(message, locale).format(arguments);
    }
}
