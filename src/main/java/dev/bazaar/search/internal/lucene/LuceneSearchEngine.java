package dev.bazaar.search.internal.lucene;

import dev.bazaar.catalog.IndexableProduct;
import dev.bazaar.search.internal.SearchEngine;
import dev.bazaar.search.internal.engine.RebuildChangeLog;
import dev.bazaar.search.internal.engine.RebuildChangeLog.Change;
import dev.bazaar.search.internal.engine.RebuildFeed;
import dev.bazaar.search.internal.relevance.ProductAnalyzers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.AlreadyClosedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The search port on embedded Apache Lucene, storing its index under one directory.
 *
 * <p>Searches run on a near-real-time searcher that the writer's changes reach within about 100 ms; {@link
 * #flush()} makes them durable and visible at once. {@link #rebuild} writes a complete new index generation next
 * to the served one (see {@link GenerationDirectory}) while searches and upserts continue on the old one; upserts
 * and deletes arriving meanwhile are also recorded and replayed onto the new generation before it takes over, so
 * they win over the possibly older copies the rebuild's stream produced. The old generation is deleted once the
 * last search on it completes.
 *
 * <p>Thread-safe. Searches run concurrently; upserts, deletes and the switch to a rebuilt generation are
 * serialised, and one rebuild runs at a time. Inactive products are never indexed.
 */
public final class LuceneSearchEngine implements SearchEngine {

    private static final Logger log = LoggerFactory.getLogger(LuceneSearchEngine.class);

    /** Few large flushes make a bulk build fast; the served index needs little buffer for trickling upserts. */
    private static final double REBUILD_RAM_BUFFER_MB = 256;

    private static final double LIVE_RAM_BUFFER_MB = 32;

    private final GenerationDirectory generations;
    private final Analyzer indexAnalyzer = ProductAnalyzers.indexing(IndexFields.SUGGEST, IndexFields.SPELLING);
    private final Analyzer prefixAnalyzer = ProductAnalyzers.suggestQuery();
    private final Analyzer spellingAnalyzer = ProductAnalyzers.spelling();
    private final SearchExecutor searches = new SearchExecutor(indexAnalyzer, prefixAnalyzer);
    private final Suggestions suggestions = new Suggestions(prefixAnalyzer);
    private final SpellingCorrector spelling = new SpellingCorrector(spellingAnalyzer);

    private final ReentrantLock writes = new ReentrantLock();
    private final ReentrantLock rebuilds = new ReentrantLock();
    private volatile IndexGeneration live;
    private volatile boolean closed;

    /** Changes made while a rebuild runs; recorded under {@link #writes}. */
    private final RebuildChangeLog changesDuringRebuild = new RebuildChangeLog();

    /**
     * Opens the index in {@code indexDirectory}, or starts an empty one (without a catalog version) if there is
     * none or it cannot be read, so that the caller rebuilds it.
     */
    public LuceneSearchEngine(Path indexDirectory) {
        Objects.requireNonNull(indexDirectory, "indexDirectory");
        try {
            generations = new GenerationDirectory(indexDirectory);
            IndexGeneration served = openCurrentOrCreateEmpty();
            try {
                generations.deleteAllExcept(served.path());
                served.startServing();
            } catch (IOException | RuntimeException e) {
                served.retire(false);
                throw e;
            }
            live = served;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the search index in " + indexDirectory, e);
        }
    }

    private IndexGeneration openCurrentOrCreateEmpty() throws IOException {
        Optional<Path> current = generations.current();
        if (current.isPresent()) {
            try {
                return IndexGeneration.openExisting(current.get(), indexAnalyzer, LIVE_RAM_BUFFER_MB);
            } catch (IndexNotFoundException
                    | CorruptIndexException
                    | IndexFormatTooOldException
                    | IndexFormatTooNewException e) {
                // The index is derived data: start empty, the missing catalog version will trigger a rebuild.
                log.warn("Search index {} is unusable, starting with an empty one", current.get(), e);
            }
        }
        IndexGeneration empty = IndexGeneration.create(generations.allocate(), indexAnalyzer, LIVE_RAM_BUFFER_MB);
        try {
            empty.writer().commit();
            generations.makeCurrent(empty.path());
            return empty;
        } catch (IOException | RuntimeException e) {
            empty.retire(true);
            throw e;
        }
    }

    @Override
    public void upsert(IndexableProduct product) {
        Objects.requireNonNull(product, "product");
        write(product.id(), product.active() ? product : null);
    }

    @Override
    public void delete(UUID productId) {
        Objects.requireNonNull(productId, "productId");
        write(productId, null);
    }

    private void write(UUID productId, IndexableProduct replacement) {
        IndexGeneration generation;
        long sequenceNumber;
        writes.lock();
        try {
            ensureOpen();
            generation = live;
            sequenceNumber = apply(new Change(productId, replacement), generation.writer());
            changesDuringRebuild.record(productId, replacement);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not update the search index", e);
        } finally {
            writes.unlock();
        }
        // callers (the indexer) clear cached results next; the change must be searchable by then
        generation.awaitVisible(sequenceNumber);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Inactive products in the stream are skipped. {@code progress} and the result count the products indexed;
     * progress is reported every 1000 and once at the end. The stream is consumed but not closed. If the stream
     * or the indexing fails, the partial generation is discarded and the previous index keeps serving. Concurrent
     * calls run one after the other.
     */
    @Override
    public long rebuild(Stream<IndexableProduct> products, String catalogVersion, LongConsumer progress) {
        return RebuildFeed.exclusively(
                rebuilds, this::ensureOpen, products, catalogVersion, progress, this::rebuildWhileLocked);
    }

    private long rebuildWhileLocked(Stream<IndexableProduct> products, String catalogVersion, LongConsumer progress)
            throws IOException {
        IndexGeneration next = IndexGeneration.create(generations.allocate(), indexAnalyzer, REBUILD_RAM_BUFFER_MB);
        changesDuringRebuild.start();
        boolean switched = false;
        try {
            long indexed = indexAll(products, next.writer(), progress);
            // The bulk of flushing and fsyncing happens here, while upserts still flow to the served index.
            next.writer().commit();
            replay(changesDuringRebuild.take(), next.writer());
            switchTo(next, catalogVersion);
            switched = true;
            log.info("Search index rebuilt: {} products, catalog version {}", indexed, catalogVersion);
            return indexed;
        } finally {
            if (!switched) {
                changesDuringRebuild.stop();
                next.retire(true);
            }
        }
    }

    private long indexAll(Stream<IndexableProduct> products, IndexWriter writer, LongConsumer progress)
            throws IOException {
        // update rather than add: a product appearing twice in the stream must not be indexed twice
        return RebuildFeed.writeActive(
                products,
                product -> writer.updateDocument(
                        ProductDocuments.idTerm(product.id()), ProductDocuments.toDocument(product)),
                () -> closed,
                progress);
    }

    private void switchTo(IndexGeneration next, String catalogVersion) throws IOException {
        IndexGeneration previous;
        writes.lock();
        try {
            ensureOpen();
            // Whatever arrived since the last replay; few, because the big commit happened outside the lock.
            replay(changesDuringRebuild.stop(), next.writer());
            next.recordCatalogVersion(catalogVersion);
            next.writer().commit();
            next.useRamBuffer(LIVE_RAM_BUFFER_MB);
            next.startServing();
            generations.makeCurrent(next.path());
            previous = live;
            live = next;
        } finally {
            writes.unlock();
        }
        previous.retire(true);
    }

    private static void replay(List<Change> changes, IndexWriter writer) throws IOException {
        for (Change change : changes) {
            apply(change, writer);
        }
    }

    /** Applies a change and returns the writer's sequence number for it. */
    private static long apply(Change change, IndexWriter writer) throws IOException {
        if (change.isDelete()) {
            return writer.deleteDocuments(ProductDocuments.idTerm(change.productId()));
        }
        return writer.updateDocument(
                ProductDocuments.idTerm(change.productId()), ProductDocuments.toDocument(change.product()));
    }

    @Override
    public String storedCatalogVersion() {
        ensureOpen();
        return live.catalogVersion();
    }

    @Override
    public long size() {
        return withSearcher(searcher -> (long) searcher.getIndexReader().numDocs());
    }

    @Override
    public SearchHits search(SearchRequest request, boolean countFacets) {
        Objects.requireNonNull(request, "request");
        return withSearcher(searcher -> searches.execute(searcher, request, countFacets));
    }

    @Override
    public List<Suggestion> suggest(String prefix, int limit) {
        return withSearcher(searcher -> suggestions.find(searcher, prefix, limit));
    }

    @Override
    public String correctSpelling(String query) {
        if (query == null || query.isBlank()) {
            return null;
        }
        return withSearcher(searcher -> spelling.correct(searcher.getIndexReader(), query));
    }

    @Override
    public void flush() {
        IndexGeneration generation = retainLive();
        try {
            generation.commitAndRefresh();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not flush the search index", e);
        } finally {
            generation.release();
        }
    }

    /** Commits pending changes and releases the index; searches still running finish first on their own. */
    @Override
    public void close() {
        IndexGeneration served;
        writes.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            served = live;
        } finally {
            writes.unlock();
        }
        served.retire(false);
        indexAnalyzer.close();
        prefixAnalyzer.close();
        spellingAnalyzer.close();
    }

    private <T> T withSearcher(IndexGeneration.SearcherWork<T> work) {
        IndexGeneration generation = retainLive();
        try {
            return generation.withSearcher(work);
        } catch (IOException e) {
            throw new UncheckedIOException("Search index read failed", e);
        } finally {
            generation.release();
        }
    }

    /** The served generation, retained so that a concurrent rebuild cannot close it underneath the caller. */
    private IndexGeneration retainLive() {
        while (true) {
            ensureOpen();
            IndexGeneration generation = live;
            if (generation.tryRetain()) {
                return generation;
            }
            Thread.onSpinWait(); // it was just replaced: the next read of live sees its successor
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new AlreadyClosedException("The search engine is closed");
        }
    }
}
