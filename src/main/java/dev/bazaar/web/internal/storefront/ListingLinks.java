package dev.bazaar.web.internal.storefront;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Links of a search or category page: the same page with one filter set, removed, or another page number.
 * Changing a filter goes back to the first page.
 */
public final class ListingLinks {

    private final String path;
    private final Map<String, String> parameters;

    ListingLinks(String path, Map<String, String> parameters) {
        this.path = path;
        this.parameters = new LinkedHashMap<>();
        parameters.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                this.parameters.put(name, value);
            }
        });
    }

    public String with(String name, Object value) {
        Map<String, String> changed = new LinkedHashMap<>(parameters);
        changed.remove("page");
        changed.put(name, String.valueOf(value));
        return build(changed);
    }

    public String without(String name) {
        Map<String, String> changed = new LinkedHashMap<>(parameters);
        changed.remove("page");
        changed.remove(name);
        return build(changed);
    }

    /** The price range [from, to) as a filter; {@code to} null means no upper bound. */
    public String priceRange(Object from, Object to) {
        Map<String, String> changed = new LinkedHashMap<>(parameters);
        changed.remove("page");
        changed.put("minPrice", String.valueOf(from));
        if (to == null) {
            changed.remove("maxPrice");
        } else {
            changed.put("maxPrice", String.valueOf(to));
        }
        return build(changed);
    }

    public String withoutPrice() {
        Map<String, String> changed = new LinkedHashMap<>(parameters);
        changed.remove("page");
        changed.remove("minPrice");
        changed.remove("maxPrice");
        return build(changed);
    }

    public String page(int page) {
        Map<String, String> changed = new LinkedHashMap<>(parameters);
        if (page <= 1) {
            changed.remove("page");
        } else {
            changed.put("page", Integer.toString(page));
        }
        return build(changed);
    }

    public boolean has(String name) {
        return parameters.containsKey(name);
    }

    public String value(String name) {
        return parameters.get(name);
    }

    private String build(Map<String, String> values) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        values.forEach(uri::queryParam);
        return uri.encode().build().toUriString();
    }
}
