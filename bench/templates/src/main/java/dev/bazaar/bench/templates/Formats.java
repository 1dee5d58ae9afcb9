package dev.bazaar.bench.templates;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;

/**
 * The web module's Formats, with the locale given instead of read from the request. Both engines call it the same
 * way, so its cost (a NumberFormat per price, as in the app) is in both numbers.
 */
public final class Formats {

    private final Locale locale;
    private final DateTimeFormatter date;

    public Formats(Locale locale) {
        this.locale = locale;
        this.date = DateTimeFormatter.ofPattern("d MMM yyyy", locale);
    }

    public String price(BigDecimal amount, String currency) {
        if (amount == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        try {
            Currency chosen = Currency.getInstance(currency == null ? "USD" : currency);
            format.setCurrency(chosen);
            format.setMinimumFractionDigits(chosen.getDefaultFractionDigits());
            format.setMaximumFractionDigits(chosen.getDefaultFractionDigits());
        } catch (IllegalArgumentException unknownCurrency) {
            return amount.toPlainString() + " " + currency;
        }
        return format.format(amount);
    }

    public String rating(BigDecimal rating) {
        if (rating == null || rating.signum() == 0) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(rating);
    }

    public int stars(BigDecimal rating) {
        return rating == null ? 0 : rating.setScale(0, RoundingMode.HALF_UP).intValue();
    }

    public long percent(Long count, int total) {
        return total == 0 || count == null ? 0 : Math.round(100.0 * count / total);
    }

    public String date(LocalDate day) {
        return date.format(day);
    }

    public String tone(String category) {
        return "tone-" + Math.floorMod(category == null ? 0 : category.hashCode(), 12);
    }

    public String initials(String title) {
        if (title == null || title.isBlank()) {
            return "?";
        }
        StringBuilder initials = new StringBuilder();
        for (String word : title.strip().split("\\s+")) {
            if (!word.isEmpty() && Character.isLetterOrDigit(word.codePointAt(0))) {
                initials.appendCodePoint(Character.toUpperCase(word.codePointAt(0)));
            }
            if (initials.codePointCount(0, initials.length()) == 2) {
                break;
            }
        }
        return initials.isEmpty() ? "?" : initials.toString();
    }

    public String words(String slug) {
        return slug == null ? "" : slug.replace('-', ' ');
    }
}
