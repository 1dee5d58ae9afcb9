/**
 * Admission control at the edge: a bound on the requests in flight, so that more traffic than the instance can
 * serve gets a fast 503 with {@code Retry-After} instead of every request slowing down until they all time out.
 * Admin traffic, health probes and static files are not counted.
 */
package dev.bazaar.platform.admission;
