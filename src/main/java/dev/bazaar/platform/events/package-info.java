/**
 * Domain events that are never lost. In-process listeners whose work failed get their events again on a
 * schedule ({@link dev.bazaar.platform.events.FailedListenerResubmitter}). On Kafka, when {@code
 * spring.kafka.bootstrap-servers} is set: which events leave the application, to which topic, under which key and
 * event id ({@link dev.bazaar.platform.events.DomainEventTopics}), and the job that sends again what the broker
 * did not take. Spring Modulith's event publication log does the sending: an event committed with its
 * transaction is externalised after the commit, and stays an incomplete publication until the broker has
 * acknowledged it.
 *
 * <p>A nested module of the platform: it names the events of the business modules, which the platform itself
 * must not depend on (they depend on it).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Event externalization")
package dev.bazaar.platform.events;
