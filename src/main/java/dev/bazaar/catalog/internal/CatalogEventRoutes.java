package dev.bazaar.catalog.internal;

import static dev.bazaar.platform.events.DomainEventTopics.CATALOG_EVENTS;

import dev.bazaar.catalog.CategoriesChanged;
import dev.bazaar.catalog.ProductChanged;
import dev.bazaar.platform.events.EventRoute;
import dev.bazaar.platform.events.ExternalizedEvents;
import java.util.List;
import org.springframework.stereotype.Component;

/** Catalog changes, which every instance's search index and caches follow ({@link CatalogTopicFollower}). */
@Component
class CatalogEventRoutes implements ExternalizedEvents {

    /** The key of category tree changes, which belong to no single aggregate: one partition keeps them in order. */
    static final String CATEGORY_TREE_KEY = "category-tree";

    @Override
    public List<EventRoute<?>> routes() {
        return List.of(
                EventRoute.of(ProductChanged.class, CATALOG_EVENTS, ProductChanged::productId),
                EventRoute.of(CategoriesChanged.class, CATALOG_EVENTS, event -> CATEGORY_TREE_KEY));
    }
}
