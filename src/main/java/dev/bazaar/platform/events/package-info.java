/**
 * Domain events that are never lost. In-process listeners whose work failed get their events again on a
 * schedule ({@link dev.bazaar.platform.events.FailedListenerResubmitter}). On Kafka, when {@code
 * spring.kafka.bootstrap-servers} is set: the topics and the CloudEvents headers ({@link
 * dev.bazaar.platform.events.DomainEventTopics}), the id each record carries, and the job that sends again what
 * the broker did not take. Each module declares which of its events leave the application, to which topic and
 * under which key, in an {@link dev.bazaar.platform.events.ExternalizedEvents} bean; the platform collects them.
 * Spring Modulith's event publication log does the sending: an event committed with its transaction is
 * externalised after the commit, and stays an incomplete publication until the broker has acknowledged it.
 */
@org.springframework.modulith.NamedInterface("events")
package dev.bazaar.platform.events;
