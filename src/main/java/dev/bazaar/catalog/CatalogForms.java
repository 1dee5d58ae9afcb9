package dev.bazaar.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Request bodies of the catalog endpoints. Only these fields can be set; rating, seller and ids cannot. */
public final class CatalogForms {

    private CatalogForms() {}

    public static final String SLUG = "[a-z0-9]+(-[a-z0-9]+)*";
    public static final String URL = "https?://\\S+";

    /**
     * The ISO 4217 codes of current currencies (java.util.Currency's list, without funds, precious metals and test
     * codes): a made-up code such as XYZ is refused, since a cart holds one currency and prices must be comparable.
     */
    public static final String CURRENCY =
            "AED|AFN|ALL|AMD|ANG|AOA|ARS|AUD|AWG|AZN|BAM|BBD|BDT|BGN|BHD|BIF|BMD|BND|BOB|BRL|BSD|"
                    + "BTN|BWP|BYN|BZD|CAD|CDF|CHF|CLP|CNY|COP|CRC|CUP|CVE|CZK|DJF|DKK|DOP|DZD|EGP|ERN|ETB|EUR|FJD|FKP|GBP|GEL|"
                    + "GHS|GIP|GMD|GNF|GTQ|GYD|HKD|HNL|HTG|HUF|IDR|ILS|INR|IQD|IRR|ISK|JMD|JOD|JPY|KES|KGS|KHR|KMF|KPW|KRW|KWD|"
                    + "KYD|KZT|LAK|LBP|LKR|LRD|LSL|LYD|MAD|MDL|MGA|MKD|MMK|MNT|MOP|MRU|MUR|MVR|MWK|MXN|MYR|MZN|NAD|NGN|NIO|NOK|"
                    + "NPR|NZD|OMR|PAB|PEN|PGK|PHP|PKR|PLN|PYG|QAR|RON|RSD|RUB|RWF|SAR|SBD|SCR|SDG|SEK|SGD|SHP|SLE|SOS|SRD|SSP|"
                    + "STN|SVC|SYP|SZL|THB|TJS|TMT|TND|TOP|TRY|TTD|TWD|TZS|UAH|UGX|USD|UYU|UZS|VES|VND|VUV|WST|XAF|XCD|XOF|XPF|"
                    + "YER|ZAR|ZMW|ZWL";

    public record CreateProduct(
            @NotBlank @Size(max = 500) String title,
            @Size(max = 20_000) String description,

            @NotNull @DecimalMin("0.00") @Digits(integer = 8, fraction = 2)
            BigDecimal price,

            @Pattern(regexp = CURRENCY, message = "must be an ISO 4217 currency code such as USD")
            String currency,

            @NotBlank @Size(max = 255) String category,
            @Size(max = 255) String brand,

            @Size(max = 20)
            List<@NotBlank @Size(max = 500) @Pattern(regexp = URL, message = "must be an http(s) URL") String>
                    imageUrls,

            @Size(max = 100) Map<String, Object> specifications,
            @Min(0) @Max(1_000_000) Integer stock,
            @Size(max = 64) String sku) {}

    /** Fields left out keep their value. */
    public record UpdateProduct(
            @Size(min = 1, max = 500) @Pattern(regexp = ".*\\S.*", message = "must not be blank")
            String title,

            @Size(max = 20_000) String description,

            @DecimalMin("0.00") @Digits(integer = 8, fraction = 2)
            BigDecimal price,

            @Pattern(regexp = CURRENCY, message = "must be an ISO 4217 currency code such as USD")
            String currency,

            @Size(min = 1, max = 255) String category,
            @Size(max = 255) String brand,

            @Size(max = 20)
            List<@NotBlank @Size(max = 500) @Pattern(regexp = URL, message = "must be an http(s) URL") String>
                    imageUrls,

            @Size(max = 100) Map<String, Object> specifications,
            @Min(0) @Max(1_000_000) Integer stock,
            @Size(max = 64) String sku,
            Boolean active) {}

    public record CreateCategory(
            @NotBlank @Size(max = 255) String name,

            @Size(max = 255) @Pattern(regexp = SLUG, message = "must be lowercase words joined by hyphens")
            String slug,

            @Size(max = 255) String parent,
            @Size(max = 5_000) String description,

            @Size(max = 500) @Pattern(regexp = URL, message = "must be an http(s) URL")
            String imageUrl) {}

    public record UpdateCategory(
            @Size(min = 1, max = 255) @Pattern(regexp = ".*\\S.*", message = "must not be blank")
            String name,

            @Size(max = 255) @Pattern(regexp = SLUG, message = "must be lowercase words joined by hyphens")
            String slug,

            @Size(max = 5_000) String description,

            @Size(max = 500) @Pattern(regexp = URL, message = "must be an http(s) URL")
            String imageUrl) {}

    /**
     * {@code parent} is the new parent's slug, or null to make the category a top-level one. It must be sent:
     * an empty body {@code {}} is a 400, not a move to the top level.
     */
    public record MoveCategory(
            @JsonProperty(required = true) @Size(max = 255) String parent) {}
}
