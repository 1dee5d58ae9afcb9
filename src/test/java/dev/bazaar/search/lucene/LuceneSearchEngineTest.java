package dev.bazaar.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.search.SearchEngineContract;
import dev.bazaar.search.internal.SearchEngine;
import dev.bazaar.search.internal.SearchEngine.Sort;
import dev.bazaar.search.internal.lucene.LuceneSearchEngine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded Lucene search engine: the engine contract, and what is particular to its on-disk generations. */
class LuceneSearchEngineTest extends SearchEngineContract {

    @TempDir
    Path indexDir;

    @TempDir
    Path emptyDir;

    @Override
    protected SearchEngine openEngine() {
        return new LuceneSearchEngine(indexDir);
    }

    @Override
    protected SearchEngine openEngineWithoutIndex() {
        return new LuceneSearchEngine(emptyDir);
    }

    @Override
    protected void assertOnlyTheServedIndexIsKept() {
        assertThat(generationDirectories()).hasSize(1);
    }

    @Test
    void anIncompleteGenerationLeftByACrashIsIgnoredAndRemoved() throws IOException {
        engine.close();
        Path leftover = Files.createDirectories(indexDir.resolve("gen-99"));
        Files.writeString(leftover.resolve("_0.cfs"), "half written", StandardCharsets.UTF_8);

        engine = new LuceneSearchEngine(indexDir);

        assertThat(engine.storedCatalogVersion()).isEqualTo("v1");
        assertThat(engine.size()).isEqualTo(ACTIVE);
        assertThat(leftover).doesNotExist();
    }

    /**
     * Twenty thousand products index and answer correctly; the times are printed for a glance, never asserted
     * (speed is measured in docs/benchmarks.md, not in a test that a busy machine could fail).
     */
    @Test
    void indexesAndAnswersAtTwentyThousandProducts() {
        int count = 20_000;
        long start = System.nanoTime();
        engine.rebuild(IntStream.range(0, count).mapToObj(SearchEngineContract::synthetic), "perf", n -> {});
        long rebuildMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(engine.size()).isEqualTo(count);

        for (int i = 0; i < 20; i++) { // warm up
            engine.suggest("wid", 10);
            engine.search(query("widgte"));
        }
        start = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            assertThat(engine.suggest("wid", 10)).hasSize(10);
        }
        double suggestMillis = (System.nanoTime() - start) / 1e6 / 100;
        start = System.nanoTime();
        for (int i = 0; i < 50; i++) {
            assertThat(engine.search(request(
                                    "widgte blue", "electronics", null, null, null, null, Sort.RELEVANCE, 1, 20))
                            .total())
                    .isPositive();
        }
        double searchMillis = (System.nanoTime() - start) / 1e6 / 50;
        System.out.printf(
                "20k products: rebuild %d ms, suggest %.2f ms, fuzzy search with facets %.2f ms%n",
                rebuildMillis, suggestMillis, searchMillis);
    }

    private List<Path> generationDirectories() {
        try (Stream<Path> children = Files.list(indexDir)) {
            return children.filter(path -> path.getFileName().toString().startsWith("gen-"))
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
