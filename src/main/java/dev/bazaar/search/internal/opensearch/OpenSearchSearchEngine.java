package dev.bazaar.search.internal.opensearch;

import dev.bazaar.catalog.IndexableProduct;
import dev.bazaar.search.internal.SearchEngine;
import dev.bazaar.search.internal.engine.RebuildChangeLog;
import dev.bazaar.search.internal.engine.RebuildChangeLog.Change;
import dev.bazaar.search.internal.engine.RebuildFeed;
import dev.bazaar.search.internal.relevance.ProductAnalyzers;
import dev.bazaar.search.internal.relevance.RelevanceRules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.Refresh;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;
import org.opensearch.client.opensearch.core.search.Hit;
import org.opensearch.client.transport.OpenSearchTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The search port on an OpenSearch cluster, with the relevance rules, facets and autocomplete of the embedded
 * Lucene engine (the engine contract tests run against both).
 *
 * <p>Searches and writes go through an alias; {@link #rebuild} fills a new index and then moves the alias to it
 * atomically (see {@link ProductIndices}), so searches answer from the previous index until the new one is
 * complete. Upserts and deletes made meanwhile (through this instance) are recorded and replayed onto the new
 * index before the switch, as the Lucene engine does. Writes wait until they are searchable
 * ({@code refresh=wait_for}), which is the port's promise; they only ever write through the alias
 * ({@code require_alias}), so a missing alias never makes OpenSearch create an index with guessed mappings.
 *
 * <p>Nothing is sent to OpenSearch on construction: the application starts while the cluster is down, and every
 * call then fails with an exception (searches fall back to PostgreSQL, see {@code SearchEngineGuard}).
 */
public final class OpenSearchSearchEngine implements SearchEngine {

    private static final Logger log = LoggerFactory.getLogger(OpenSearchSearchEngine.class);

    private static final int BULK_SIZE = 1_000;

    /** An index without the alias older than this, before a rebuild starts, is a rebuild that never finished. */
    private static final Duration ABANDONED_AFTER = Duration.ofHours(1);

    private final OpenSearchTransport transport;
    private final OpenSearchClient client;
    private final ProductIndices indices;
    private final Analyzer textAnalyzer = ProductAnalyzers.text();
    private final Analyzer prefixAnalyzer = ProductAnalyzers.suggestQuery();
    private final Analyzer spellingAnalyzer = ProductAnalyzers.spelling();
    private final ProductQueries queries = new ProductQueries(textAnalyzer);
    private final Suggestions suggestions = new Suggestions(prefixAnalyzer);

    private final ReentrantLock writes = new ReentrantLock();
    private final ReentrantLock rebuilds = new ReentrantLock();
    private volatile boolean aliasEnsured;
    private volatile boolean closed;

    /** Changes made while a rebuild runs; recorded under {@link #writes}. */
    private final RebuildChangeLog changesDuringRebuild = new RebuildChangeLog();

    public OpenSearchSearchEngine(OpenSearchConnection connection) {
        Objects.requireNonNull(connection, "connection");
        this.transport = connection.openTransport();
        this.client = new OpenSearchClient(transport);
        this.indices = new ProductIndices(
                client, connection.index(), connection.shards(), connection.replicas(), connection.refreshInterval());
    }

    @Override
    public void upsert(IndexableProduct product) {
        Objects.requireNonNull(product, "product");
        if (!product.active()) {
            delete(product.id());
            return;
        }
        record(product.id(), product);
        call(
                "index a product",
                () -> client.index(i -> i.index(indices.alias())
                        .id(product.id().toString())
                        .document(ProductDocuments.toDocument(product))
                        .refresh(Refresh.WaitFor)
                        .requireAlias(true)));
    }

    @Override
    public void delete(UUID productId) {
        Objects.requireNonNull(productId, "productId");
        record(productId, null);
        call("delete a product", () -> {
            try {
                return client.delete(
                        d -> d.index(indices.alias()).id(productId.toString()).refresh(Refresh.WaitFor));
            } catch (OpenSearchException e) {
                if (e.status() == 404) {
                    return null; // not indexed: nothing to delete
                }
                throw e;
            }
        });
    }

    /** Records a change for a running rebuild, and makes sure the alias exists before the first write. */
    private void record(UUID productId, IndexableProduct replacement) {
        ensureOpen();
        ensureAlias();
        writes.lock();
        try {
            changesDuringRebuild.record(productId, replacement);
        } finally {
            writes.unlock();
        }
    }

    private void ensureAlias() {
        if (!aliasEnsured) {
            call("create the product index", () -> {
                indices.createAliasedIfMissing();
                return null;
            });
            aliasEnsured = true;
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Inactive products in the stream are skipped. {@code progress} and the result count the products indexed;
     * progress is reported every 1000 and once at the end. The stream is consumed but not closed. If the stream or
     * the indexing fails, the new index is deleted and the previous one keeps serving. Concurrent calls run one
     * after the other.
     */
    @Override
    public long rebuild(Stream<IndexableProduct> products, String catalogVersion, LongConsumer progress) {
        return RebuildFeed.exclusively(
                rebuilds, this::ensureOpen, products, catalogVersion, progress, this::rebuildWhileLocked);
    }

    private long rebuildWhileLocked(Stream<IndexableProduct> products, String catalogVersion, LongConsumer progress)
            throws IOException {
        Instant started = Instant.now();
        String next = indices.createForRebuild(catalogVersion);
        changesDuringRebuild.start();
        boolean switched = false;
        try {
            long indexed = indexAll(products, next, progress);
            replay(changesDuringRebuild.take(), next);
            indices.readyToServe(next);
            List<String> previous = switchTo(next);
            switched = true;
            aliasEnsured = true;
            indices.delete(previous);
            indices.delete(indices.abandoned(started.minus(ABANDONED_AFTER)));
            log.info("Search index rebuilt into {}: {} products, catalog version {}", next, indexed, catalogVersion);
            return indexed;
        } finally {
            if (!switched) {
                changesDuringRebuild.stop();
                try {
                    indices.delete(List.of(next));
                } catch (IOException | RuntimeException e) {
                    log.warn("Could not delete the incomplete search index {}", next, e);
                }
            }
        }
    }

    private long indexAll(Stream<IndexableProduct> products, String index, LongConsumer progress) throws IOException {
        List<BulkOperation> batch = new ArrayList<>(BULK_SIZE);
        long indexed = RebuildFeed.writeActive(
                products,
                product -> {
                    batch.add(indexOperation(product));
                    if (batch.size() == BULK_SIZE) {
                        bulk(index, batch);
                        batch.clear();
                    }
                },
                () -> closed,
                progress);
        bulk(index, batch);
        return indexed;
    }

    /** Moves the alias under the write lock, after the last recorded changes; returns the indices it left. */
    private List<String> switchTo(String next) throws IOException {
        writes.lock();
        try {
            ensureOpen();
            replay(changesDuringRebuild.stop(), next);
            client.indices().refresh(r -> r.index(next));
            List<String> previous =
                    indices.served().map(ProductIndices.Served::index).stream().toList();
            indices.moveAliasTo(next);
            return previous.stream().filter(index -> !index.equals(next)).toList();
        } finally {
            writes.unlock();
        }
    }

    private void replay(List<Change> changes, String index) throws IOException {
        List<BulkOperation> operations = new ArrayList<>();
        for (Change change : changes) {
            operations.add(
                    change.isDelete()
                            ? BulkOperation.of(
                                    b -> b.delete(d -> d.id(change.productId().toString())))
                            : indexOperation(change.product()));
        }
        bulk(index, operations);
    }

    private static BulkOperation indexOperation(IndexableProduct product) {
        // index rather than create: a product appearing twice in the stream must not be indexed twice
        return BulkOperation.of(
                b -> b.index(i -> i.id(product.id().toString()).document(ProductDocuments.toDocument(product))));
    }

    private void bulk(String index, List<BulkOperation> operations) throws IOException {
        if (operations.isEmpty()) {
            return;
        }
        BulkResponse response = client.bulk(b -> b.index(index).operations(operations));
        if (response.errors()) {
            for (BulkResponseItem item : response.items()) {
                // deleting a product the new index does not hold is fine
                if (item.error() != null && item.status() != 404) {
                    throw new IllegalStateException("Bulk indexing into " + index + " failed for " + item.id() + ": "
                            + item.error().reason());
                }
            }
        }
    }

    @Override
    public String storedCatalogVersion() {
        ensureOpen();
        return call(
                "read the catalog version",
                () -> indices.served()
                        .map(ProductIndices.Served::catalogVersion)
                        .orElse(null));
    }

    @Override
    public long size() {
        ensureOpen();
        return call("count products", () -> {
            Optional<ProductIndices.Served> served = indices.served();
            if (served.isEmpty()) {
                return 0L;
            }
            return client.count(c -> c.index(indices.alias())).count();
        });
    }

    @Override
    public SearchHits search(SearchRequest request, boolean countFacets) {
        Objects.requireNonNull(request, "request");
        ensureOpen();
        ProductQueries.Page page = ProductQueries.page(request);
        return call("search", () -> {
            try {
                SearchRequest searched = withJoinedWordsSplit(request);
                SearchResponse<Void> response =
                        client.search(queries.search(indices.alias(), searched, page, countFacets), Void.class);
                List<UUID> ids = response.hits().hits().stream()
                        .map(Hit::id)
                        .map(UUID::fromString)
                        .toList();
                long total = response.hits().total() == null
                        ? ids.size()
                        : response.hits().total().value();
                return new SearchHits(
                        ids, total, countFacets ? FacetAggregations.read(response.aggregations()) : Facets.NONE);
            } catch (OpenSearchException e) {
                if (isMissingIndex(e)) {
                    return new SearchHits(List.of(), 0, Facets.NONE);
                }
                throw e;
            }
        });
    }

    /** The request with the words of its query written together split, as the Lucene engine does. */
    private SearchRequest withJoinedWordsSplit(SearchRequest request) throws IOException {
        if (request.query() == null || request.query().isBlank()) {
            return request;
        }
        String split = SpellingCorrections.splitJoinedWords(
                client,
                indices.alias(),
                ProductAnalyzers.words(prefixAnalyzer, request.query()),
                queries::matchesAsTyped);
        return split == null
                ? request
                : new SearchRequest(
                        split,
                        request.category(),
                        request.brand(),
                        request.minPrice(),
                        request.maxPrice(),
                        request.minRating(),
                        request.sort(),
                        request.page(),
                        request.limit());
    }

    @Override
    public List<Suggestion> suggest(String prefix, int limit) {
        ensureOpen();
        return call("suggest", () -> {
            try {
                return suggestions.find(
                        client, indices.alias(), prefix, Math.min(limit, RelevanceRules.MAX_SUGGESTIONS));
            } catch (OpenSearchException e) {
                if (isMissingIndex(e)) {
                    return List.of();
                }
                throw e;
            }
        });
    }

    @Override
    public String correctSpelling(String query) {
        if (query == null || query.isBlank()) {
            return null;
        }
        ensureOpen();
        List<String> words = ProductAnalyzers.spellingWords(spellingAnalyzer, query);
        if (words.isEmpty()) {
            return null;
        }
        return call("correct spelling", () -> {
            try {
                return SpellingCorrections.correct(client, indices.alias(), words);
            } catch (OpenSearchException e) {
                if (isMissingIndex(e)) {
                    return null;
                }
                throw e;
            }
        });
    }

    @Override
    public void flush() {
        ensureOpen();
        call(
                "refresh",
                () -> client.indices()
                        .refresh(r ->
                                r.index(indices.alias()).ignoreUnavailable(true).allowNoIndices(true)));
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        textAnalyzer.close();
        prefixAnalyzer.close();
        spellingAnalyzer.close();
        try {
            transport.close();
        } catch (IOException e) {
            log.warn("Could not close the OpenSearch client cleanly", e);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("The search engine is closed");
        }
    }

    private static boolean isMissingIndex(OpenSearchException e) {
        return e.status() == 404
                && e.error() != null
                && "index_not_found_exception".equals(e.error().type());
    }

    private static <T> T call(String what, Call<T> call) {
        try {
            return call.run();
        } catch (IOException e) {
            throw new UncheckedIOException("OpenSearch: could not " + what, e);
        }
    }

    @FunctionalInterface
    private interface Call<T> {
        T run() throws IOException;
    }
}
