package dev.bazaar.platform.events;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.modulith.events.EventExternalizationConfiguration;

/**
 * The domain events' topics on Kafka: the design's topics ({@code user-events},
 * {@code inventory-events}, {@code order-events}) plus {@code catalog-events}, which every instance's search index
 * follows. Each record is keyed by its aggregate's id, so one aggregate's events stay in order on one partition,
 * and carries the CloudEvents headers of the Kafka binding (binary mode): {@code ce_id} (the event id consumers
 * deduplicate on, see {@link EventIds}), {@code ce_type} (the event's class name), {@code ce_source},
 * {@code ce_specversion} and {@code content-type}. The value is the event record as JSON.
 *
 * <p>Which events go where is declared by the modules that publish them ({@link ExternalizedEvents}), each in its
 * own {@code internal} package; {@code DomainEventTopicsTest} prints and checks the whole table. Events no module
 * declares ({@code UserRegistered}, which carries an email address; {@code ReservationExpired}, a message between
 * two modules) stay in the application.
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

    private DomainEventTopics() {}

    /** The event type a record carries in its {@code ce_type} header (the event's class name); null without one. */
    public static String typeOf(ConsumerRecord<?, ?> record) {
        Header header = record.headers().lastHeader(TYPE_HEADER);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Every module's routes; an event type routed twice is a mistake. */
    static List<EventRoute<?>> routes(List<ExternalizedEvents> modules) {
        List<EventRoute<?>> routes =
                modules.stream().flatMap(module -> module.routes().stream()).toList();
        routeByType(routes);
        return routes;
    }

    /** The topics events are sent to, for creating them at start-up. */
    static List<String> topics(List<EventRoute<?>> routes) {
        return routes.stream().map(EventRoute::topic).distinct().toList();
    }

    static EventExternalizationConfiguration externalization(List<EventRoute<?>> routes, EventIds ids) {
        Map<Class<?>, EventRoute<?>> routeByType = routeByType(routes);
        return EventExternalizationConfiguration.externalizing()
                .select(event -> routeByType.containsKey(event.getClass()))
                .routeAll(event -> routeByType.get(event.getClass()).target(event))
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

    private static Map<Class<?>, EventRoute<?>> routeByType(List<EventRoute<?>> routes) {
        // toUnmodifiableMap refuses a second route for the same type
        return routes.stream().collect(Collectors.toUnmodifiableMap(EventRoute::type, Function.identity()));
    }
}
