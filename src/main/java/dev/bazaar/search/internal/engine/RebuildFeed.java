package dev.bazaar.search.internal.engine;

import dev.bazaar.catalog.IndexableProduct;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
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

    /** One engine's rebuild, given the stream and progress; may fail with an {@link IOException}. */
    @FunctionalInterface
    public interface Rebuild {
        long run(Stream<IndexableProduct> products, String catalogVersion, LongConsumer progress) throws IOException;
    }

    /**
     * Runs {@code rebuild} with the arguments checked, one rebuild at a time (under {@code rebuilds}), once {@code
     * ensureOpen} has passed; an {@link IOException} becomes an {@link UncheckedIOException}.
     */
    public static long exclusively(
            ReentrantLock rebuilds,
            Runnable ensureOpen,
            Stream<IndexableProduct> products,
            String catalogVersion,
            LongConsumer progress,
            Rebuild rebuild) {
        Objects.requireNonNull(products, "products");
        Objects.requireNonNull(catalogVersion, "catalogVersion");
        LongConsumer report = progress == null ? count -> {} : progress;
        rebuilds.lock();
        try {
            ensureOpen.run();
            return rebuild.run(products, catalogVersion, report);
        } catch (IOException e) {
            throw new UncheckedIOException("Search index rebuild failed", e);
        } finally {
            rebuilds.unlock();
        }
    }

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
