package dev.bazaar.catalog;

import java.time.Instant;

/**
 * The category tree was reorganised (a category created, renamed, moved or deleted). Products' category paths
 * may have changed, so listeners holding derived copies (the search index) should rebuild them.
 */
public record CategoriesChanged(Instant changedAt) {}
