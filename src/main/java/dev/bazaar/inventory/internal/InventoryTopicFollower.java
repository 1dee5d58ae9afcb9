package dev.bazaar.inventory.internal;

import dev.bazaar.inventory.StockChanged;
import dev.bazaar.platform.events.DomainEventTopics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * With several instances, a stock change made on one (a sale, a restock) must reach the others' cached stock of
 * lists ({@link StockCache}). This listener reads {@code inventory-events} in a consumer group of its own per
 * instance, so every instance receives every record; evicting is idempotent, so the instance that made the change
 * and a redelivered record do no harm.
 */
@Component
@ConditionalOnProperty("spring.kafka.bootstrap-servers")
class InventoryTopicFollower {

    private final StockCache stock;
    private final JsonMapper json;

    InventoryTopicFollower(StockCache stock, JsonMapper json) {
        this.stock = stock;
        this.json = json;
    }

    @KafkaListener(
            id = "inventory-inventory-events",
            topics = DomainEventTopics.INVENTORY_EVENTS,
            groupId = "bazaar-inventory-stock-${bazaar.events.instance-id}",
            properties = "auto.offset.reset=latest")
    void on(ConsumerRecord<String, byte[]> record) {
        if (StockChanged.class.getName().equals(DomainEventTopics.typeOf(record))) {
            stock.evict(json.readValue(record.value(), StockChanged.class).productId());
        }
    }
}
