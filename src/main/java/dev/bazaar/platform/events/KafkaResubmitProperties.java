package dev.bazaar.platform.events;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * With Kafka: how often the sends the broker did not take are tried again ({@code bazaar.events.*}).
 *
 * @param resubmitEvery how often the log is searched for publications Kafka did not take
 * @param resubmitBatchSize the most publications resubmitted per run
 */
@ConfigurationProperties("bazaar.events")
record KafkaResubmitProperties(
        @DefaultValue("30s") Duration resubmitEvery,
        @DefaultValue("100") int resubmitBatchSize) {}
