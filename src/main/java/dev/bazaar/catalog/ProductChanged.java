package dev.bazaar.catalog;

import java.time.Instant;
import java.util.UUID;

/**
 * A product was created, edited, deactivated or re-rated. Carries only the id: a listener loads the current
 * state through {@link ProductCatalog#indexable(UUID)}, so events handled out of order still converge.
 * Published through the event publication log in the transaction that made the change.
 */
public record ProductChanged(UUID productId, Instant changedAt) {}
