package dev.bazaar.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bazaar.cart.CartItemAdded;
import dev.bazaar.cart.CartItemRemoved;
import dev.bazaar.catalog.CategoriesChanged;
import dev.bazaar.catalog.ProductChanged;
import dev.bazaar.identity.UserRegistered;
import dev.bazaar.inventory.LowStockReached;
import dev.bazaar.inventory.ReservationExpired;
import dev.bazaar.inventory.StockChanged;
import dev.bazaar.order.OrderPaid;
import dev.bazaar.order.OrderPlaced;
import dev.bazaar.order.OrderStatus;
import dev.bazaar.order.OrderStatusChanged;
import dev.bazaar.recommendation.ProductViewsRecorded;
import dev.bazaar.review.ReviewChanged;
import dev.bazaar.review.ReviewDeleted;
import dev.bazaar.review.ReviewSubmitted;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.util.ClassUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * The routing table: which event goes to which topic under which key, with which headers. The modules declare their
 * own routes ({@link ExternalizedEvents}); this test collects them as the application context does (every
 * implementation under {@code dev.bazaar}) and prints and checks the whole table in one place.
 */
class DomainEventTopicsTest {

    private static final UUID ID = UUID.randomUUID();
    private static final Instant AT = Instant.parse("2026-03-01T10:15:30.123456Z");

    private static final List<EventRoute<?>> ROUTES = DomainEventTopics.routes(everyModule());

    private final EventIds ids = new EventIds();
    private final EventExternalizationConfiguration configuration = DomainEventTopics.externalization(ROUTES, ids);

    @Test
    void theWholeTable() {
        List<String> table = ROUTES.stream()
                .map(route -> route.topic() + " <- " + route.type().getName())
                .sorted()
                .toList();
        System.out.println("Events sent to Kafka:\n  " + String.join("\n  ", table));
        assertThat(table)
                .containsExactly(
                        "catalog-events <- dev.bazaar.catalog.CategoriesChanged",
                        "catalog-events <- dev.bazaar.catalog.ProductChanged",
                        "inventory-events <- dev.bazaar.inventory.LowStockReached",
                        "inventory-events <- dev.bazaar.inventory.StockChanged",
                        "order-events <- dev.bazaar.order.OrderPaid",
                        "order-events <- dev.bazaar.order.OrderPlaced",
                        "order-events <- dev.bazaar.order.OrderStatusChanged",
                        "user-events <- dev.bazaar.cart.CartItemAdded",
                        "user-events <- dev.bazaar.cart.CartItemRemoved",
                        "user-events <- dev.bazaar.recommendation.ProductViewsRecorded",
                        "user-events <- dev.bazaar.review.ReviewChanged",
                        "user-events <- dev.bazaar.review.ReviewDeleted",
                        "user-events <- dev.bazaar.review.ReviewSubmitted");
    }

    @Test
    void eachModuleRoutesOnlyItsOwnEvents() {
        for (ExternalizedEvents module : everyModule()) {
            String modulePackage = module.getClass().getPackageName().replaceFirst("\\.internal(\\..*)?$", "");
            assertThat(module.routes())
                    .as(module.getClass().getName())
                    .allSatisfy(
                            route -> assertThat(route.type().getPackageName()).isEqualTo(modulePackage));
        }
    }

    @Test
    void anEventTypeRoutedTwiceIsRefused() {
        ExternalizedEvents twice = () -> List.of(
                EventRoute.of(ProductChanged.class, "catalog-events", ProductChanged::productId),
                EventRoute.of(ProductChanged.class, "other-events", ProductChanged::productId));
        assertThatThrownBy(() -> DomainEventTopics.routes(List.of(twice))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void everyPublishedEventGoesToItsTopicKeyedByItsAggregate() {
        assertRoute(new CartItemAdded(ID, UUID.randomUUID(), UUID.randomUUID(), 2, AT), "user-events", ID);
        assertRoute(new CartItemRemoved(ID, null, UUID.randomUUID(), 1, AT), "user-events", ID);
        assertRoute(new ReviewSubmitted(ID, UUID.randomUUID(), UUID.randomUUID(), 5, AT), "user-events", ID);
        assertRoute(new ReviewChanged(ID, UUID.randomUUID(), UUID.randomUUID(), 4, AT), "user-events", ID);
        assertRoute(new ReviewDeleted(ID, UUID.randomUUID(), UUID.randomUUID(), AT), "user-events", ID);
        assertRoute(
                new ProductViewsRecorded(
                        ID,
                        List.of(new ProductViewsRecorded.View(
                                UUID.randomUUID(), UUID.randomUUID(), null, "guest-key", AT))),
                "user-events",
                ID);
        assertRoute(new StockChanged(ID, 10, 2, 8, "order", AT), "inventory-events", ID);
        assertRoute(new LowStockReached(ID, 3, 5, AT), "inventory-events", ID);
        assertRoute(orderPlaced(AT), "order-events", ID);
        assertRoute(new OrderPaid(ID, UUID.randomUUID(), List.of(UUID.randomUUID()), AT), "order-events", ID);
        assertRoute(
                new OrderStatusChanged(ID, UUID.randomUUID(), OrderStatus.CONFIRMED, OrderStatus.SHIPPED, AT),
                "order-events",
                ID);
        assertRoute(new ProductChanged(ID, AT), "catalog-events", ID);
        assertRoute(new CategoriesChanged(AT), "catalog-events", "category-tree");
    }

    @Test
    void eventsMeantForTheApplicationAloneStayInside() {
        assertThat(configuration.supports(new UserRegistered(ID, "someone@example.com", "Someone", AT)))
                .isFalse();
        assertThat(configuration.supports(new ReservationExpired(ID, AT))).isFalse();
        assertThat(DomainEventTopics.topics(ROUTES))
                .containsExactlyInAnyOrder("user-events", "inventory-events", "order-events", "catalog-events");
    }

    @Test
    void recordsCarryTheCloudEventsHeaders() {
        OrderPlaced event = orderPlaced(AT);
        Map<String, String> headers = text(configuration.getHeadersFor(event));
        assertThat(headers)
                .containsEntry("ce_id", ids.idOf(event).toString())
                .containsEntry("ce_type", "dev.bazaar.order.OrderPlaced")
                .containsEntry("ce_source", "/bazaar/order")
                .containsEntry("ce_specversion", "1.0")
                .containsEntry("content-type", "application/json");
    }

    @Test
    void anEventReadBackFromItsJsonKeepsItsIdAndAnotherEventGetsAnother() {
        OrderPlaced event = orderPlaced(AT);
        JsonMapper json = JsonMapper.builder().build();
        OrderPlaced readBack = json.readValue(json.writeValueAsString(event), OrderPlaced.class);

        assertThat(readBack).isNotSameAs(event);
        assertThat(ids.idOf(readBack)).isEqualTo(ids.idOf(event));
        assertThat(ids.idOf(orderPlaced(AT.plusNanos(1000)))).isNotEqualTo(ids.idOf(event));
        // same fields, another type: another event
        assertThat(ids.idOf(new ProductChanged(ID, AT))).isNotEqualTo(ids.idOf(new CategoriesChanged(AT)));
    }

    private void assertRoute(Object event, String topic, Object key) {
        assertThat(configuration.supports(event))
                .as(event.getClass().getSimpleName())
                .isTrue();
        RoutingTarget target = configuration.determineTarget(event);
        assertThat(target.getTarget()).as(event.getClass().getSimpleName()).isEqualTo(topic);
        assertThat(target.getKey()).as(event.getClass().getSimpleName()).isEqualTo(key.toString());
    }

    /** Every module's declaration, found as component scanning finds it (the classes are package-private). */
    static List<ExternalizedEvents> everyModule() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(ExternalizedEvents.class));
        return scanner.findCandidateComponents("dev.bazaar").stream()
                .map(BeanDefinition::getBeanClassName)
                .sorted()
                .map(name -> (ExternalizedEvents) BeanUtils.instantiateClass(
                        ClassUtils.resolveClassName(name, null).getDeclaredConstructors()[0]))
                .toList();
    }

    private static OrderPlaced orderPlaced(Instant at) {
        return new OrderPlaced(
                ID,
                new UUID(1, 2),
                List.of(new OrderPlaced.Line(new UUID(3, 4), 2, new BigDecimal("12.50"))),
                dev.bazaar.platform.Money.of("29.99", "USD"),
                "CARD",
                at);
    }

    private static Map<String, String> text(Map<String, Object> headers) {
        return headers.entrySet().stream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey, entry -> new String((byte[]) entry.getValue(), StandardCharsets.UTF_8)));
    }
}
