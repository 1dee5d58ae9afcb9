package dev.bazaar.search.internal;

import dev.bazaar.catalog.CategoriesChanged;
import dev.bazaar.catalog.ProductCatalog;
import dev.bazaar.catalog.ProductChanged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the index following the catalog. Events arrive through the event publication log, so a change whose
 * indexing fails (or is interrupted by a restart) is delivered again rather than lost.
 */
@Component
class SearchIndexer {

    private final SearchEngine engine;
    private final ProductCatalog catalog;
    private final ProductSearch search;
    private final SearchIndexMaintenance maintenance;

    SearchIndexer(
            SearchEngine engine, ProductCatalog catalog, ProductSearch search, SearchIndexMaintenance maintenance) {
        this.engine = engine;
        this.catalog = catalog;
        this.search = search;
        this.maintenance = maintenance;
    }

    @ApplicationModuleListener
    void on(ProductChanged event) {
        catalog.indexable(event.productId()).ifPresentOrElse(engine::upsert, () -> engine.delete(event.productId()));
        search.evictResults();
    }

    @ApplicationModuleListener
    void on(CategoriesChanged event) {
        maintenance.startRebuild("the category tree changed");
    }
}
