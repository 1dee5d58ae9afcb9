package dev.bazaar.web.internal;

import dev.bazaar.platform.Money;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Prices for pages: the product's currency, written the way the request's locale writes money. */
@Component("formats")
public class Formats {

    public String price(Money money) {
        return money == null ? "" : price(money.amount(), money.currency());
    }

    /** For amounts whose currency the page knows apart: an order's amounts (until OrderViews carry Money), a coupon's. */
    public String price(BigDecimal amount, String currency) {
        if (amount == null) {
            return "";
        }
        Locale locale = LocaleContextHolder.getLocale();
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

    /** A rating such as 4.3, or empty when there is none. */
    public String rating(BigDecimal rating) {
        if (rating == null || rating.signum() == 0) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(LocaleContextHolder.getLocale());
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(rating);
    }

    /** Whole stars (0–5) of a rating, rounded half up, for the star glyphs. */
    public int stars(BigDecimal rating) {
        return rating == null
                ? 0
                : rating.setScale(0, java.math.RoundingMode.HALF_UP).intValue();
    }

    /** The share of a histogram's reviews with this many stars, in whole percent. */
    public long percent(Long count, int total) {
        return total == 0 || count == null ? 0 : Math.round(100.0 * count / total);
    }

    public String percentOf(double confidence) {
        return Math.round(confidence * 100) + "%";
    }

    /** One of twelve colour classes, the same for every product of a category (the image placeholder). */
    public String tone(String category) {
        return "tone-" + Math.floorMod(category == null ? 0 : category.hashCode(), 12);
    }

    /** Up to two initials of a title, for the image placeholder. */
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

    /** A category slug as words (cards know a product's category by its slug only). */
    public String words(String slug) {
        return slug == null ? "" : slug.replace('-', ' ');
    }
}
