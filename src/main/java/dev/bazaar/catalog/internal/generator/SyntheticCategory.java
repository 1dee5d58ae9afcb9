package dev.bazaar.catalog.internal.generator;

/** A category of the synthetic catalog; {@code parentSlug} is null for a top-level category. */
public record SyntheticCategory(String slug, String name, String parentSlug) {

    public boolean topLevel() {
        return parentSlug == null;
    }
}
