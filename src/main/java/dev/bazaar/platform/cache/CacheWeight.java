package dev.bazaar.platform.cache;

/**
 * A cached value that knows roughly how many bytes it holds. A cache whose spec sets {@code maximumWeight} (instead
 * of {@code maximumSize}) is bounded by the sum of these, so that its memory stays within a budget whatever its
 * values' sizes; a value that is not one weighs 1.
 */
@org.springframework.modulith.NamedInterface("cache")
public interface CacheWeight {

    /** Roughly the bytes this value holds. */
    int weight();
}
