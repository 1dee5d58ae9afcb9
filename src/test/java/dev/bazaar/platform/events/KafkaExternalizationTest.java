package dev.bazaar.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bazaar.Api;
import dev.bazaar.BazaarApplication;
import dev.bazaar.IntegrationTest;
import dev.bazaar.inventory.Inventory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import kafka.server.BrokerServer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.kafka.test.utils.ContainerTestUtils;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The domain events on a real Kafka broker (KRaft, in this JVM): nothing lost while the broker is down, every
 * repeat recognisable by its event id, and catalog changes reaching the search index of another instance. This
 * class's application is instance A; the catalog test starts instance B on the same database and broker.
 */
@DirtiesContext
@TestPropertySource(
        properties = {
            "bazaar.search.index-directory=${bazaar.data-dir}/search-index-kafka-a",
            "bazaar.events.instance-id=a",
            "bazaar.events.resubmit-every=1s",
            // fail fast while the broker is away, so that sends fail and the publication log has to bring the
            // events across (the idempotent producer may still hold some in its buffer until the broker is back)
            "spring.kafka.producer.properties.max.block.ms=1500",
            "spring.kafka.producer.properties.request.timeout.ms=1500",
            "spring.kafka.producer.properties.delivery.timeout.ms=3000",
            "spring.kafka.producer.properties.reconnect.backoff.max.ms=500",
            "spring.kafka.consumer.properties.reconnect.backoff.max.ms=500",
            // a broker that is away on purpose: its clients' connection warnings say nothing here
            "logging.level.org.apache.kafka=ERROR",
            "logging.level.kafka=WARN",
            "logging.level.state.change.logger=WARN",
            // and every send that fails on purpose would log two stack traces
            "logging.level.org.springframework.kafka.support.LoggingProducerListener=OFF",
            "logging.level.org.springframework.modulith.events.config.EventExternalizationAutoConfiguration=OFF"
        })
class KafkaExternalizationTest extends IntegrationTest {

    private static final EmbeddedKafkaKraftBroker broker = startBroker();
    private static ConfigurableApplicationContext instanceA;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ConfigurableApplicationContext context;

    private final JsonMapper json = JsonMapper.shared();
    private SignedInUser admin;
    private String category;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", broker::getBrokersAsString);
    }

    @BeforeEach
    void shop() {
        instanceA = context;
        admin = signInAsAdmin();
        category = newCategory(admin, "kafka");
    }

    @AfterAll
    static void stopBroker() {
        // A's Kafka clients first, while the broker is there to take their goodbyes; the context closes later
        if (instanceA != null) {
            instanceA.getBean(KafkaListenerEndpointRegistry.class).stop();
            instanceA.getBean(ProducerFactory.class).reset();
        }
        broker.destroy();
    }

    @Test
    void ordersPlacedWhileTheBrokerIsDownReachKafkaOnceItIsBack() {
        String product = newProduct(admin, category, "Outage Lamp", "12.50", 100);
        try (TopicRecords orderEvents = new TopicRecords(broker.getBrokersAsString(), DomainEventTopics.ORDER_EVENTS)) {
            // one order while the broker is up: the producer is connected when the broker goes away
            Set<String> orders = new HashSet<>(List.of(placeOrder(product)));
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(
                            () -> assertThat(orderIdsOf(orderEvents.poll())).containsAll(orders));

            Set<String> placedDuringOutage = new HashSet<>();
            brokerNode().shutdown();
            try {
                for (int i = 0; i < 5; i++) {
                    placedDuringOutage.add(placeOrder(product));
                }
                orders.addAll(placedDuringOutage);
                // Sends fail (the producer finds no broker) or wait in the producer's buffer: none completes, and
                // the failed ones go back to the log, from where the job sends them again and again.
                await().atMost(Duration.ofSeconds(30))
                        .untilAsserted(() -> assertThat(kafkaPublicationsOf(placedDuringOutage))
                                .anySatisfy(publication ->
                                        assertThat(publication.resubmitted()).isTrue()));
                assertThat(kafkaPublicationsOf(placedDuringOutage))
                        .hasSizeGreaterThanOrEqualTo(10) // OrderPlaced and OrderPaid of each order
                        .noneSatisfy(publication ->
                                assertThat(publication.completed()).isTrue());
                assertThat(orderIdsOf(orderEvents.poll())).doesNotContainAnyElementsOf(placedDuringOutage);
            } finally {
                brokerNode().startup();
            }

            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(
                            () -> assertThat(orderIdsOf(orderEvents.poll())).containsAll(orders));
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(kafkaPublicationsOf(placedDuringOutage))
                            .allSatisfy(publication ->
                                    assertThat(publication.completed()).isTrue()));

            // Acknowledgements can be lost (broker restarts after writing, timeouts): the log then sends again.
            // Simulate that for the outage's orders; the repeats must carry the ids of the first sends.
            jdbc.sql("""
                    UPDATE event_publication SET status = 'FAILED', completion_date = NULL
                     WHERE listener_id LIKE 'org.springframework.modulith.events.support.DelegatingEventExternalizer.%'
                       AND event_type = 'dev.bazaar.order.OrderPlaced'
                       AND serialized_event::jsonb ->> 'orderId' = ANY(:orders)
                    """)
                    .param("orders", placedDuringOutage.toArray(String[]::new))
                    .update();
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(orderPlacedRecords(orderEvents.poll(), placedDuringOutage))
                            .hasSizeGreaterThanOrEqualTo(10));

            List<ConsumerRecord<String, byte[]>> received = orderPlacedRecords(orderEvents.poll(), orders);
            Map<String, Set<String>> eventIdsByOrder = new HashMap<>();
            PlacedOrderTally tally = new PlacedOrderTally();
            for (ConsumerRecord<String, byte[]> record : received) {
                String orderId = orderIdOf(record);
                assertThat(record.key()).isEqualTo(orderId);
                eventIdsByOrder
                        .computeIfAbsent(orderId, id -> new HashSet<>())
                        .add(TopicRecords.header(record, DomainEventTopics.ID_HEADER));
                tally.accept(record);
            }
            assertThat(received.size()).isGreaterThan(orders.size()); // the repeats did arrive
            assertThat(eventIdsByOrder)
                    .containsOnlyKeys(orders)
                    .allSatisfy((order, ids) -> assertThat(ids).hasSize(1));
            assertThat(tally.timesCounted())
                    .containsOnlyKeys(orders)
                    .allSatisfy((order, times) -> assertThat(times).isEqualTo(1));
        }
    }

    @Test
    void aProductChangedOnOneInstanceIsFoundOnTheOther() throws Exception {
        String word = "kafkaword" + UUID.randomUUID().toString().substring(0, 8);
        String renamed = "kafkarenamed" + UUID.randomUUID().toString().substring(0, 8);
        try (ConfigurableApplicationContext instanceB = startInstanceB()) {
            // B reads catalog-events from the end: it must have its partitions before A changes anything
            ContainerTestUtils.waitForAssignment(
                    instanceB
                            .getBean(KafkaListenerEndpointRegistry.class)
                            .getListenerContainer("search-catalog-events"),
                    2);
            ContainerTestUtils.waitForAssignment(
                    instanceB
                            .getBean(KafkaListenerEndpointRegistry.class)
                            .getListenerContainer("catalog-catalog-events"),
                    2);
            ContainerTestUtils.waitForAssignment(
                    instanceB
                            .getBean(KafkaListenerEndpointRegistry.class)
                            .getListenerContainer("inventory-inventory-events"),
                    2);
            Api apiB = new Api(
                    ((WebServerApplicationContext) instanceB).getWebServer().getPort());
            String product = newProduct(admin, category, word + " Teapot", "30.00", 5);
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(searchIds(apiB, word)).containsExactly(product));
            // a category created on A (which publishes no event) can be used on B at once, not after B's periodic
            // reload of the tree: B reads the tree again for a slug it does not know
            String newCategory = newCategory(admin, "kafka-tree");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Api.Response probe = apiB.post(
                        "/api/v1/products",
                        Map.of("title", "Tree Probe", "price", 1, "category", newCategory),
                        admin.accessToken());
                assertThat(probe.status()).as(probe.toString()).isEqualTo(201);
            });
            // B caches the product's details in process (no Redis here)
            assertThat(apiB.get("/api/v1/products/" + product, null)
                            .data()
                            .path("title")
                            .asString())
                    .isEqualTo(word + " Teapot");

            // B keeps the stock lists show in process too: a restock on A reaches it through inventory-events
            Inventory stockOnB = instanceB.getBean(Inventory.class);
            UUID productId = UUID.fromString(product);
            assertThat(stockOnB.availableToShow(List.of(productId))).containsEntry(productId, 5);
            Api.Response restockedOnA = api.put(
                    "/api/v1/admin/inventory/" + product,
                    Map.of("adjustBy", 4, "reason", "delivery"),
                    admin.accessToken());
            assertThat(restockedOnA.status()).as(restockedOnA.toString()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(stockOnB.availableToShow(List.of(productId)))
                            .containsEntry(productId, 9));

            Api.Response renamedOnA =
                    api.put("/api/v1/products/" + product, Map.of("title", renamed + " Teapot"), admin.accessToken());
            assertThat(renamedOnA.status()).as(renamedOnA.toString()).isEqualTo(200);

            // B's own publication log never sees A's change: only catalog-events brings it to B's index
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(searchIds(apiB, renamed)).containsExactly(product);
                assertThat(searchIds(apiB, word)).isEmpty();
                // and B's product cache was evicted: details show the new title, not the cached one
                assertThat(apiB.get("/api/v1/products/" + product, null)
                                .data()
                                .path("title")
                                .asString())
                        .isEqualTo(renamed + " Teapot");
            });

            // The product's two ProductChanged (created, renamed) delivered again, the older one after the
            // rename: nothing changes, because indexing reads the product's current state.
            long indexedBefore = indexSize(apiB);
            long endOffsetBefore = catalogEventsEndOffset();
            jdbc.sql("""
                    UPDATE event_publication SET status = 'FAILED', completion_date = NULL
                     WHERE listener_id LIKE 'org.springframework.modulith.events.support.DelegatingEventExternalizer.%'
                       AND event_type = 'dev.bazaar.catalog.ProductChanged'
                       AND serialized_event::jsonb ->> 'productId' = :product
                    """).param("product", product).update();
            await().atMost(Duration.ofSeconds(30)).until(() -> catalogEventsEndOffset() > endOffsetBefore);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> committedOffsetOfInstanceB() >= catalogEventsEndOffset());
            assertThat(searchIds(apiB, renamed)).containsExactly(product);
            assertThat(searchIds(apiB, word)).isEmpty();
            assertThat(indexSize(apiB)).isEqualTo(indexedBefore);
        }
    }

    private String placeOrder(String product) {
        SignedInUser shopper = registerCustomer();
        Api.Response added =
                api.post("/api/v1/cart/items", Map.of("productId", product, "quantity", 1), shopper.accessToken());
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        Api.Response placed = placeOrder(shopper, UUID.randomUUID().toString(), cardOrder("tok_visa"));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        return placed.data().path("id").asString();
    }

    private List<ConsumerRecord<String, byte[]>> orderPlacedRecords(
            List<ConsumerRecord<String, byte[]>> records, Set<String> orders) {
        Predicate<ConsumerRecord<String, byte[]>> orderPlaced = record ->
                "dev.bazaar.order.OrderPlaced".equals(TopicRecords.header(record, DomainEventTopics.TYPE_HEADER));
        return records.stream()
                .filter(orderPlaced)
                .filter(record -> orders.contains(orderIdOf(record)))
                .toList();
    }

    private Set<String> orderIdsOf(List<ConsumerRecord<String, byte[]>> records) {
        Set<String> ids = new HashSet<>();
        records.stream()
                .filter(record -> "dev.bazaar.order.OrderPlaced"
                        .equals(TopicRecords.header(record, DomainEventTopics.TYPE_HEADER)))
                .forEach(record -> ids.add(orderIdOf(record)));
        return ids;
    }

    private String orderIdOf(ConsumerRecord<String, byte[]> record) {
        return json.readTree(record.value()).path("orderId").asString();
    }

    /** An externalisation publication: delivered to Kafka yet, and sent again by the job at least once. */
    private record Publication(boolean completed, boolean resubmitted) {}

    private List<Publication> kafkaPublicationsOf(Set<String> orders) {
        return jdbc.sql("""
                SELECT completion_date IS NOT NULL AS completed, last_resubmission_date IS NOT NULL AS resubmitted
                  FROM event_publication
                 WHERE listener_id LIKE 'org.springframework.modulith.events.support.DelegatingEventExternalizer.%'
                   AND serialized_event::jsonb ->> 'orderId' = ANY(:orders)
                """)
                .param("orders", orders.toArray(String[]::new))
                .query(Publication.class)
                .list();
    }

    private static List<String> searchIds(Api on, String word) {
        JsonNode products =
                on.get("/api/v1/products/search?q=" + word, null).data().path("products");
        List<String> ids = new ArrayList<>();
        products.forEach(product -> ids.add(product.path("id").asString()));
        return ids;
    }

    private long indexSize(Api on) {
        return on.get("/api/v1/admin/search/index", admin.accessToken())
                .data()
                .path("indexedProducts")
                .asLong();
    }

    private long catalogEventsEndOffset() {
        return broker.doWithAdminFunction(admin -> {
            try {
                var partitions = admin.describeTopics(List.of(DomainEventTopics.CATALOG_EVENTS))
                        .allTopicNames()
                        .get()
                        .get(DomainEventTopics.CATALOG_EVENTS)
                        .partitions();
                Map<TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new HashMap<>();
                partitions.forEach(p -> latest.put(
                        new TopicPartition(DomainEventTopics.CATALOG_EVENTS, p.partition()),
                        org.apache.kafka.clients.admin.OffsetSpec.latest()));
                return admin.listOffsets(latest).all().get().values().stream()
                        .mapToLong(info -> info.offset())
                        .sum();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private long committedOffsetOfInstanceB() {
        return broker.doWithAdminFunction(admin -> {
            try {
                return admin
                        .listConsumerGroupOffsets("bazaar-search-b")
                        .partitionsToOffsetAndMetadata()
                        .get()
                        .entrySet()
                        .stream()
                        .filter(entry -> entry.getKey().topic().equals(DomainEventTopics.CATALOG_EVENTS))
                        .mapToLong(entry -> entry.getValue().offset())
                        .sum();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private ConfigurableApplicationContext startInstanceB() {
        return new SpringApplicationBuilder(BazaarApplication.class)
                .profiles("test")
                .run(
                        "--server.port=0",
                        "--bazaar.admin.email=" + ADMIN_EMAIL,
                        "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                        "--bazaar.events.instance-id=b",
                        "--logging.level.org.apache.kafka=WARN",
                        "--logging.level.kafka=WARN",
                        "--bazaar.search.index-directory=" + System.getProperty("bazaar.data-dir")
                                + "/search-index-kafka-b");
    }

    private static BrokerServer brokerNode() {
        return broker.getCluster().brokers().values().iterator().next();
    }

    private static EmbeddedKafkaKraftBroker startBroker() {
        // the broker logs its whole configuration, and every client theirs, at INFO
        LoggingSystem logging = LoggingSystem.get(KafkaExternalizationTest.class.getClassLoader());
        for (String logger : List.of("org.apache.kafka", "kafka", "state.change.logger")) {
            logging.setLogLevel(logger, LogLevel.WARN);
        }
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 2);
        // not spring.kafka.bootstrap-servers: a system property would turn Kafka on in every later test context
        broker.brokerListProperty("bazaar.test.kafka-brokers");
        broker.afterPropertiesSet();
        System.clearProperty("bazaar.test.kafka-brokers");
        System.clearProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS);
        return broker;
    }

    /** What a consumer of order-events does once per event id, however often the record arrives. */
    private final class PlacedOrderTally {
        private final Set<String> processedEventIds = new HashSet<>();
        private final Map<String, Integer> timesCounted = new HashMap<>();

        void accept(ConsumerRecord<String, byte[]> record) {
            if (processedEventIds.add(TopicRecords.header(record, DomainEventTopics.ID_HEADER))) {
                timesCounted.merge(orderIdOf(record), 1, Integer::sum);
            }
        }

        Map<String, Integer> timesCounted() {
            return timesCounted;
        }
    }
}
