package dev.bazaar.catalog.internal;

import dev.bazaar.catalog.CatalogViews.CategoryLink;

/** Links to categories, made from their stored rows. */
final class CategoryLinks {

    private CategoryLinks() {}

    static CategoryLink of(CategoryRow row) {
        return new CategoryLink(row.id(), row.name(), row.slug());
    }
}
