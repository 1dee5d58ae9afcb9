package dev.bazaar.search.internal.engine;

import dev.bazaar.catalog.IndexableProduct;
import java.io.IOException;
import java.util.Iterator;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/**
 * Feeds a rebuild's stream to an engine's writer: inactive products (and nulls) are skipped, progress is reported
 * every {@value #PROGRESS_INTERVAL} products and once at the end, and an engine closed meanwhile stops it.
 */
public final class RebuildFeed {

    static final int PROGRESS_INTERVAL = 1_000;

    private RebuildFeed() {}

    /** Where the active products go; an engine writes each to its new index. */
    @FunctionalInterface
    public interface Writer {
        void write(IndexableProduct product) throws IOException;
    }

    /** Writes every active product of {@code products}; returns how many. The stream is consumed, not closed. */
    public static long writeActive(
            Stream<IndexableProduct> products, Writer writer, BooleanSupplier engineClosed, LongConsumer progress)
            throws IOException {
        long written = 0;
        Iterator<IndexableProduct> iterator = products.iterator();
        while (iterator.hasNext()) {
            if (engineClosed.getAsBoolean()) {
                throw new IllegalStateException("The search engine was closed during a rebuild");
            }
            IndexableProduct product = iterator.next();
            if (product == null || !product.active()) {
                continue;
            }
            writer.write(product);
            written++;
            if (written % PROGRESS_INTERVAL == 0) {
                progress.accept(written);
            }
        }
        if (written % PROGRESS_INTERVAL != 0 || written == 0) {
            progress.accept(written);
        }
        return written;
    }
}
