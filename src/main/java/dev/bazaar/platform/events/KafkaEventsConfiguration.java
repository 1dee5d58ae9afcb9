package dev.bazaar.platform.events;

import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.IncompleteEventPublications;

/**
 * Turns externalisation on when a broker is configured. Without {@code spring.kafka.bootstrap-servers} none of
 * this exists, Modulith's Kafka externaliser selects nothing (no event is annotated for it), and no Kafka client
 * is ever created.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("spring.kafka.bootstrap-servers")
class KafkaEventsConfiguration {

    /** Every module's {@link ExternalizedEvents}, as one table. */
    @Bean
    EventExternalizationConfiguration domainEventTopics(List<ExternalizedEvents> modules) {
        return DomainEventTopics.externalization(DomainEventTopics.routes(modules), new EventIds());
    }

    /** Created at start-up if missing, with the broker's default partitions and replication. */
    @Bean
    KafkaAdmin.NewTopics domainEventTopicsOnTheBroker(List<ExternalizedEvents> modules) {
        return new KafkaAdmin.NewTopics(DomainEventTopics.topics(DomainEventTopics.routes(modules)).stream()
                .map(topic -> TopicBuilder.name(topic).build())
                .toArray(NewTopic[]::new));
    }

    @Bean
    UndeliveredEventsResubmitter undeliveredEventsResubmitter(
            IncompleteEventPublications publications, KafkaResubmitProperties properties) {
        return new UndeliveredEventsResubmitter(publications, properties.resubmitBatchSize());
    }
}
