package dev.bazaar.search.internal.lucene;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexWriterConfig.OpenMode;
import org.apache.lucene.search.ControlledRealTimeReopenThread;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One complete index: its directory, its single writer and, once it serves, a near-real-time searcher refreshed
 * in the background.
 *
 * <p>Reference counted, because a rebuild retires a generation while searches may still be running on it: the
 * engine holds one reference, every operation takes another for its duration, and the last one out closes the
 * generation (and deletes it from disk if it was replaced).
 */
final class IndexGeneration {

    private static final Logger log = LoggerFactory.getLogger(IndexGeneration.class);
    private static final String CATALOG_VERSION = "catalogVersion";

    /** Upserts become searchable within this delay without anyone waiting for them. */
    private static final double MAX_STALE_SECONDS = 0.1;

    private static final double MIN_STALE_SECONDS = 0.01;

    private final Path path;
    private final Directory directory;
    private final IndexWriter writer;
    private final AtomicInteger references = new AtomicInteger(1);
    private volatile SearcherManager searchers;
    private volatile ControlledRealTimeReopenThread<IndexSearcher> reopener;
    private volatile boolean deleteWhenClosed;

    private IndexGeneration(Path path, Directory directory, IndexWriter writer) {
        this.path = path;
        this.directory = directory;
        this.writer = writer;
    }

    static IndexGeneration create(Path path, Analyzer analyzer, double ramBufferMb) throws IOException {
        return open(path, analyzer, ramBufferMb, OpenMode.CREATE);
    }

    /** Opens an existing index; throws {@link IndexNotFoundException} if {@code path} holds no commit. */
    static IndexGeneration openExisting(Path path, Analyzer analyzer, double ramBufferMb) throws IOException {
        return open(path, analyzer, ramBufferMb, OpenMode.APPEND);
    }

    private static IndexGeneration open(Path path, Analyzer analyzer, double ramBufferMb, OpenMode mode)
            throws IOException {
        Directory directory = FSDirectory.open(path);
        try {
            if (mode == OpenMode.APPEND && !DirectoryReader.indexExists(directory)) {
                throw new IndexNotFoundException("no index in " + path);
            }
            IndexWriterConfig config =
                    new IndexWriterConfig(analyzer).setOpenMode(mode).setRAMBufferSizeMB(ramBufferMb);
            return new IndexGeneration(path, directory, new IndexWriter(directory, config));
        } catch (IOException | RuntimeException e) {
            IOUtils.closeWhileHandlingException(directory);
            throw e;
        }
    }

    Path path() {
        return path;
    }

    IndexWriter writer() {
        return writer;
    }

    /** The catalog version recorded by the rebuild that wrote this generation, or null. */
    String catalogVersion() {
        Iterable<Map.Entry<String, String>> commitData = writer.getLiveCommitData();
        if (commitData != null) {
            for (Map.Entry<String, String> entry : commitData) {
                if (CATALOG_VERSION.equals(entry.getKey())) {
                    return entry.getValue();
                }
            }
        }
        return null;
    }

    /** Recorded with this and every later commit. */
    void recordCatalogVersion(String catalogVersion) {
        writer.setLiveCommitData(Map.of(CATALOG_VERSION, catalogVersion).entrySet());
    }

    void useRamBuffer(double megabytes) {
        writer.getConfig().setRAMBufferSizeMB(megabytes);
    }

    void startServing() throws IOException {
        searchers = new SearcherManager(writer, true, false, new SearcherFactory());
        reopener = new ControlledRealTimeReopenThread<>(writer, searchers, MAX_STALE_SECONDS, MIN_STALE_SECONDS);
        reopener.setName("search-index-refresh-" + path.getFileName());
        reopener.setDaemon(true);
        reopener.start();
    }

    <T> T withSearcher(SearcherWork<T> work) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return work.run(searcher);
        } finally {
            searchers.release(searcher);
        }
    }

    /**
     * Waits (about {@code MIN_STALE_SECONDS}) until searches see the change with this sequence number. Returns
     * at once if this generation is not serving yet or was retired meanwhile; a rebuild replays the change.
     */
    void awaitVisible(long sequenceNumber) {
        ControlledRealTimeReopenThread<IndexSearcher> current = reopener;
        if (current == null) {
            return;
        }
        try {
            current.waitForGeneration(sequenceNumber, 5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void commitAndRefresh() throws IOException {
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    boolean tryRetain() {
        int count;
        do {
            count = references.get();
            if (count <= 0) {
                return false;
            }
        } while (!references.compareAndSet(count, count + 1));
        return true;
    }

    void release() {
        if (references.decrementAndGet() == 0) {
            closeNow();
        }
    }

    /**
     * Drops the owner's reference. {@code delete}: the generation was replaced (or never completed), so its
     * changes are thrown away and its files removed; otherwise they are committed.
     */
    void retire(boolean delete) {
        deleteWhenClosed = delete;
        release();
    }

    private void closeNow() {
        Closeable closeWriter = deleteWhenClosed ? writer::rollback : writer; // closing commits
        try {
            IOUtils.close(reopener, searchers, closeWriter, directory);
            if (deleteWhenClosed) {
                GenerationDirectory.delete(path);
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Could not close search index generation {} cleanly", path, e);
        }
    }

    @FunctionalInterface
    interface SearcherWork<T> {
        T run(IndexSearcher searcher) throws IOException;
    }
}
