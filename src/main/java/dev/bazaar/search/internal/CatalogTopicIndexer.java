package dev.bazaar.search.internal;

import dev.bazaar.catalog.CategoriesChanged;
import dev.bazaar.catalog.ProductCatalog;
import dev.bazaar.catalog.ProductChanged;
import dev.bazaar.platform.events.DomainEventTopics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * With several instances, each with its own Lucene index, every index must follow catalog changes made on any
 * instance. {@link SearchIndexer} only sees the changes of its own instance; this listener reads them all from
 * the {@code catalog-events} topic, in a consumer group of its own per instance ({@code bazaar.events.instance-id})
 * so that every instance receives every record. On the instance that made a change the product is indexed twice,
 * which is harmless: indexing reads the product's current state and replaces its document, so applying a change
 * again, or late, converges to the same index. That is also why it needs no table of processed event ids.
 */
@Component
@ConditionalOnProperty("spring.kafka.bootstrap-servers")
@ConditionalOnProperty(name = "bazaar.search.engine", havingValue = "lucene", matchIfMissing = true)
class CatalogTopicIndexer {

    private static final String TOPIC = DomainEventTopics.CATALOG_EVENTS;
    private final SearchEngine engine;
    private final ProductCatalog catalog;
    private final ProductSearch search;
    private final SearchIndexMaintenance maintenance;
    private final JsonMapper json;

    CatalogTopicIndexer(
            SearchEngine engine,
            ProductCatalog catalog,
            ProductSearch search,
            SearchIndexMaintenance maintenance,
            JsonMapper json) {
        this.engine = engine;
        this.catalog = catalog;
        this.search = search;
        this.maintenance = maintenance;
        this.json = json;
    }

    @KafkaListener(
            id = "search-catalog-events",
            topics = TOPIC,
            groupId = "bazaar-search-${bazaar.events.instance-id}",
            properties = "auto.offset.reset=latest")
    void on(ConsumerRecord<String, byte[]> record) {
        String type = DomainEventTopics.typeOf(record);
        if (ProductChanged.class.getName().equals(type)) {
            ProductChanged event = json.readValue(record.value(), ProductChanged.class);
            catalog.indexable(event.productId())
                    .ifPresentOrElse(engine::upsert, () -> engine.delete(event.productId()));
            search.evictResults();
        } else if (CategoriesChanged.class.getName().equals(type)) {
            maintenance.startRebuild("the category tree changed");
        }
    }
}
