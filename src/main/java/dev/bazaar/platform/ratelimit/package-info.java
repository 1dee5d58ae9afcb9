/**
 * Rate limiting: the filter every security chain runs (the API's token chain and the web module's page chain),
 * its buckets in memory or in Redis, and their limits. Exposed so that the web module's chain can install the
 * same filter.
 */
@org.springframework.modulith.NamedInterface("ratelimit")
package dev.bazaar.platform.ratelimit;
