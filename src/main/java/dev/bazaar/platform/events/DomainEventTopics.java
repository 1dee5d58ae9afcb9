package dev.bazaar.platform.events;

import dev.bazaar.cart.CartItemAdded;
import dev.bazaar.cart.CartItemRemoved;
import dev.bazaar.catalog.CategoriesChanged;
import dev.bazaar.catalog.ProductChanged;
import dev.bazaar.inventory.LowStockReached;
import dev.bazaar.inventory.StockChanged;
import dev.bazaar.order.OrderPaid;
import dev.bazaar.order.OrderPlaced;
import dev.bazaar.order.OrderStatusChanged;
import dev.bazaar.recommendation.ProductViewsRecorded;
import dev.bazaar.review.ReviewChanged;
import dev.bazaar.review.ReviewDeleted;
import dev.bazaar.review.ReviewSubmitted;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.RoutingTarget;

/**
 * The one place that says which domain events go to Kafka: the design's topics ({@code user-events},
 * {@code inventory-events}, {@code order-events}) plus {@code catalog-events}, which every instance's search index
 * follows. Each record is keyed by its aggregate's id, so one aggregate's events stay in order on one partition,
 * and carries the CloudEvents headers of the Kafka binding (binary mode): {@code ce_id} (the event id consumers
 * deduplicate on, see {@link EventIds}), {@code ce_type} (the event's class name), {@code ce_source},
 * {@code ce_specversion} and {@code content-type}. The value is the event record as JSON.
 *
 * <p>Events not listed here ({@code UserRegistered}, which carries an email address; {@code ReservationExpired},
 * a message between two modules) stay in the application.
 */
public final class DomainEventTopics {

    public static final String USER_EVENTS = "user-events";
    public static final String INVENTORY_EVENTS = "inventory-events";
    public static final String ORDER_EVENTS = "order-events";
    public static final String CATALOG_EVENTS = "catalog-events";

    /** CloudEvents attribute headers (Kafka protocol binding, binary content mode). */
    public static final String ID_HEADER = "ce_id";

    public static final String TYPE_HEADER = "ce_type";
    static final String SOURCE_HEADER = "ce_source";
    static final String SPEC_VERSION_HEADER = "ce_specversion";
    static final String CONTENT_TYPE_HEADER = "content-type";

    /** The key of category tree changes, which belong to no single aggregate: one partition keeps them in order. */
    static final String CATEGORY_TREE_KEY = "category-tree";

    private static final List<Route<?>> ROUTES = List.of(
            // user behaviour; purchases are the OrderPlaced records of order-events (one record per fact)
            new Route<>(CartItemAdded.class, USER_EVENTS, CartItemAdded::cartId),
            new Route<>(CartItemRemoved.class, USER_EVENTS, CartItemRemoved::cartId),
            new Route<>(ReviewSubmitted.class, USER_EVENTS, ReviewSubmitted::reviewId),
            new Route<>(ReviewChanged.class, USER_EVENTS, ReviewChanged::reviewId),
            new Route<>(ReviewDeleted.class, USER_EVENTS, ReviewDeleted::reviewId),
            // product details views, batched once a second by the recommendation module
            new Route<>(ProductViewsRecorded.class, USER_EVENTS, ProductViewsRecorded::batchId),
            new Route<>(StockChanged.class, INVENTORY_EVENTS, StockChanged::productId),
            new Route<>(LowStockReached.class, INVENTORY_EVENTS, LowStockReached::productId),
            new Route<>(OrderPlaced.class, ORDER_EVENTS, OrderPlaced::orderId),
            new Route<>(OrderPaid.class, ORDER_EVENTS, OrderPaid::orderId),
            new Route<>(OrderStatusChanged.class, ORDER_EVENTS, OrderStatusChanged::orderId),
            new Route<>(ProductChanged.class, CATALOG_EVENTS, ProductChanged::productId),
            new Route<>(CategoriesChanged.class, CATALOG_EVENTS, event -> CATEGORY_TREE_KEY));

    private static final Map<Class<?>, Route<?>> ROUTE_BY_TYPE =
            ROUTES.stream().collect(Collectors.toUnmodifiableMap(Route::type, Function.identity()));

    private DomainEventTopics() {}

    /** The topics events are sent to, for creating them at start-up. */
    static List<String> topics() {
        return ROUTES.stream().map(Route::topic).distinct().toList();
    }

    static EventExternalizationConfiguration externalization(EventIds ids) {
        return EventExternalizationConfiguration.externalizing()
                .select(event -> ROUTE_BY_TYPE.containsKey(event.getClass()))
                .routeAll(event -> ROUTE_BY_TYPE.get(event.getClass()).target(event))
                .headers(event -> headers(event, ids))
                .build();
    }

    private static Map<String, Object> headers(Object event, EventIds ids) {
        Class<?> type = event.getClass();
        String module = type.getPackageName().substring(type.getPackageName().lastIndexOf('.') + 1);
        // byte[] values reach the record as they are; Spring Kafka would write other values as JSON ("\"...\"")
        return Map.of(
                ID_HEADER, bytes(ids.idOf(event).toString()),
                TYPE_HEADER, bytes(type.getName()),
                SOURCE_HEADER, bytes("/bazaar/" + module),
                SPEC_VERSION_HEADER, bytes("1.0"),
                CONTENT_TYPE_HEADER, bytes("application/json"));
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private record Route<T>(Class<T> type, String topic, Function<T, Object> key) {

        RoutingTarget target(Object event) {
            return RoutingTarget.forTarget(topic).andKey(String.valueOf(key.apply(type.cast(event))));
        }
    }
}
