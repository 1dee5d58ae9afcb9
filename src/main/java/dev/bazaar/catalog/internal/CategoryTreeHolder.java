package dev.bazaar.catalog.internal;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The current category tree. Reloaded at once after a change on this instance, and every minute so that
 * changes made through another instance arrive too.
 */
@Component
class CategoryTreeHolder {

    private final Categories categories;
    private volatile CategoryTree tree;

    CategoryTreeHolder(Categories categories) {
        this.categories = categories;
    }

    CategoryTree current() {
        CategoryTree current = tree;
        if (current == null) {
            current = reload();
        }
        return current;
    }

    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    CategoryTree reload() {
        CategoryTree fresh = new CategoryTree(categories.all());
        tree = fresh;
        return fresh;
    }
}
