package dev.bazaar.web.internal.admin;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Dates and times of the admin console (bean {@code @adminFormats}), in UTC and the request's locale. */
@Component("adminFormats")
public class AdminFormats {

    public String time(Instant instant) {
        return instant == null ? "" : format(instant.atOffset(ZoneOffset.UTC));
    }

    public String time(OffsetDateTime time) {
        return time == null ? "" : format(time.withOffsetSameInstant(ZoneOffset.UTC));
    }

    /** A {@code datetime-local} input's value (UTC, minutes). */
    public String inputValue(Instant instant) {
        return instant == null
                ? ""
                : DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").format(instant.atOffset(ZoneOffset.UTC));
    }

    private static String format(OffsetDateTime time) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                        .withLocale(LocaleContextHolder.getLocale())
                        .format(time)
                + " UTC";
    }
}
