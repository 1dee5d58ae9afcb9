/**
 * Circuit breakers, built one way for every part Bazaar calls that can fail or slow down: the payment gateway,
 * the search engine and Redis. Each module keeps its own settings under its own keys, in {@link
 * dev.bazaar.platform.resilience.BreakerSettings}, and gets its breaker from {@link
 * dev.bazaar.platform.resilience.CircuitBreakers}, which logs one line per state change.
 */
@org.springframework.modulith.NamedInterface("resilience")
package dev.bazaar.platform.resilience;
