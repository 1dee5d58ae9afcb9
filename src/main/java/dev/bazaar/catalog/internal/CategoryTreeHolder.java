package dev.bazaar.catalog.internal;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The current category tree. Reloaded at once after a change on this instance, on a rename or move made through
 * another instance (its {@code CategoriesChanged} on Kafka, {@link CatalogTopicFollower}), when a request names a
 * slug this instance does not know, and every minute.
 */
@Component
class CategoryTreeHolder {

    private final CategoryStore categories;
    private volatile CategoryTree tree;
    private volatile long loadedAt = System.nanoTime();

    CategoryTreeHolder(CategoryStore categories) {
        this.categories = categories;
    }

    CategoryTree current() {
        CategoryTree current = tree;
        if (current == null) {
            current = reload();
        }
        return current;
    }

    /**
     * The tree, read again first if it was loaded more than a second ago: for a slug this instance does not know,
     * which another instance may just have created (creating a category publishes no event). At most one read a
     * second, so requests naming unknown slugs cannot turn into a query each.
     */
    CategoryTree reloadedForUnknownSlug() {
        if (System.nanoTime() - loadedAt > 1_000_000_000L) {
            synchronized (this) {
                if (System.nanoTime() - loadedAt > 1_000_000_000L) {
                    return reload();
                }
            }
        }
        return tree;
    }

    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    CategoryTree reload() {
        CategoryTree fresh = new CategoryTree(categories.all());
        tree = fresh;
        loadedAt = System.nanoTime();
        return fresh;
    }
}
