package dev.bazaar.platform.events;

import java.util.List;

/**
 * A module's declaration of the events it sends to Kafka when a broker is configured: a bean in the module's
 * {@code internal} package, one route per event type (which topic of {@link DomainEventTopics}, which key). The
 * platform collects every module's routes into one externalisation table; an event no module declares stays in
 * the application. The same pattern as {@code EndpointAccessRules}: the module depends on the platform, not the
 * other way round.
 */
public interface ExternalizedEvents {

    List<EventRoute<?>> routes();
}
