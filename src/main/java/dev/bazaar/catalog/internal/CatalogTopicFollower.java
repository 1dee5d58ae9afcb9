package dev.bazaar.catalog.internal;

import dev.bazaar.catalog.CategoriesChanged;
import dev.bazaar.catalog.ProductChanged;
import dev.bazaar.inventory.StockChanged;
import dev.bazaar.platform.events.DomainEventTopics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * With several instances, a catalog change made on one must reach the others' in-memory state: the category tree
 * (reloaded at once rather than by the minute), and, when the caches are in-process (Caffeine), the product, details
 * and listing caches; a stock change made on one (a sale) must reach the others' cached product details. This
 * listener reads {@code catalog-events} and {@code inventory-events} in a consumer group of its own per instance, so
 * every instance receives every record. Reloading and evicting are idempotent, so the instance that made the change (which
 * already did both) and a redelivered record do no harm.
 */
@Component
@ConditionalOnProperty("spring.kafka.bootstrap-servers")
class CatalogTopicFollower {

    private final CategoryTreeHolder categories;
    private final ProductListing listing;
    private final ProductCaches products;
    private final JsonMapper json;

    CatalogTopicFollower(
            CategoryTreeHolder categories, ProductListing listing, ProductCaches products, JsonMapper json) {
        this.categories = categories;
        this.listing = listing;
        this.products = products;
        this.json = json;
    }

    @KafkaListener(
            id = "catalog-catalog-events",
            topics = DomainEventTopics.CATALOG_EVENTS,
            groupId = "bazaar-catalog-${bazaar.events.instance-id}",
            properties = "auto.offset.reset=latest")
    void on(ConsumerRecord<String, byte[]> record) {
        String type = DomainEventTopics.typeOf(record);
        if (ProductChanged.class.getName().equals(type)) {
            products.evictProduct(
                    json.readValue(record.value(), ProductChanged.class).productId());
        } else if (CategoriesChanged.class.getName().equals(type)) {
            categories.reload();
            listing.evictAll();
            products.clearDetails(); // they show the category's name and path
        }
    }

    /** Product details show the stock: a sale or restock on another instance evicts them here too. */
    @KafkaListener(
            id = "catalog-inventory-events",
            topics = DomainEventTopics.INVENTORY_EVENTS,
            groupId = "bazaar-catalog-stock-${bazaar.events.instance-id}",
            properties = "auto.offset.reset=latest")
    void onStock(ConsumerRecord<String, byte[]> record) {
        if (StockChanged.class.getName().equals(DomainEventTopics.typeOf(record))) {
            products.evictDetailsAfterCommit(
                    json.readValue(record.value(), StockChanged.class).productId());
        }
    }
}
