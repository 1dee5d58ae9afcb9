package dev.bazaar.search.relevance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.IntegrationTest;
import dev.bazaar.catalog.CatalogAdministration;
import dev.bazaar.catalog.CatalogAdministration.ManagedProduct;
import dev.bazaar.catalog.CatalogForms.CreateCategory;
import dev.bazaar.catalog.CatalogForms.CreateProduct;
import dev.bazaar.catalog.ProductCard;
import dev.bazaar.platform.security.CurrentUser;
import dev.bazaar.platform.security.Role;
import dev.bazaar.search.CatalogSearch;
import dev.bazaar.search.SearchIndexStatus;
import dev.bazaar.search.internal.relevance.RelevanceRules;
import dev.bazaar.search.internal.relevance.RelevanceRules.Rules;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cache.CacheManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * The relevance evaluation of issue #16 on the WANDS subset (see docs/search-relevance.md). Starts the store
 * empty (no demo catalog), loads the judged products through the catalog's own administration service (the
 * category path as categories, the name as title, class and path as description), runs every query through
 * {@link CatalogSearch} (what {@code GET /api/v1/products/search} and the web search page use) and a plain BM25
 * baseline, and writes target/relevance/&lt;engine&gt;.json and .md. Tagged {@code relevance}: not part of the normal
 * test run; {@code ./bazaar relevance} runs it.
 */
@Tag("relevance")
abstract class RelevanceEvaluation extends IntegrationTest {

    static final int K = 10;
    static final int RECALL_DEPTH = 50;
    static final int RANDOMIZATION_ROUNDS = 100_000;
    static final String SKU_PREFIX = "wands-";

    @Autowired
    CatalogAdministration catalog;

    @Autowired
    CatalogSearch search;

    @Autowired
    SearchIndexStatus indexStatus;

    @Autowired
    CacheManager caches;

    abstract String engine();

    @AfterEach
    void restoreRules() {
        RelevanceRules.useRules(Rules.ALL);
    }

    @Test
    void evaluate() throws IOException {
        Path directory = Path.of(System.getProperty("wands.dir", WandsData.DEFAULT_DIRECTORY.toString()));
        WandsData data = WandsData.load(directory);
        assertThat(data.queries()).hasSize(40);
        assertThat(data.products()).hasSize(6_482);
        assertThat(data.labelRows()).isEqualTo(6_890);

        CurrentUser admin = new CurrentUser(signInAsAdmin().id(), Role.ADMIN, UUID.randomUUID());
        long loadStart = System.nanoTime();
        Map<UUID, Integer> wandsIds = load(admin, data);
        long loadMillis = (System.nanoTime() - loadStart) / 1_000_000;
        awaitIndexed(data.products().size());

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("engine", engine());
        report.put("loadMillis", loadMillis);
        try (Bm25Baseline bm25 = new Bm25Baseline(data.products())) {
            Run baseline = Run.of("bm25", data, query -> bm25.search(query, RECALL_DEPTH));
            Run bazaar = run("bazaar", data, wandsIds, Rules.ALL);
            report.put("bazaar", bazaar.summary(data));
            report.put("bm25", baseline.summary(data));
            report.put("comparison", compare(bazaar, baseline, data));
            report.put("perQuery", perQuery(data, bazaar, baseline));
            Map<String, Object> ablations = new LinkedHashMap<>();
            for (Map.Entry<String, Rules> ablation : ablations().entrySet()) {
                Run without = run(ablation.getKey(), data, wandsIds, ablation.getValue());
                ablations.put(ablation.getKey(), without.summary(data));
            }
            RelevanceRules.useRules(Rules.ALL);
            report.put("withoutOneRule", ablations);
            write(report, bazaar, baseline, data);
        }
    }

    /** Each rule switched off on its own. */
    static Map<String, Rules> ablations() {
        Map<String, Rules> ablations = new LinkedHashMap<>();
        ablations.put("titleBoost", new Rules(false, true, true, true, true, true, true, true, true, true));
        ablations.put("crossFields", new Rules(true, false, true, true, true, true, true, true, true, true));
        ablations.put(
                "lastWordNamesTheProduct", new Rules(true, true, false, true, true, true, true, true, true, true));
        ablations.put("allTermsFirst", new Rules(true, true, true, false, true, true, true, true, true, true));
        ablations.put("exactBeforeTypos", new Rules(true, true, true, true, false, true, true, true, true, true));
        ablations.put("typos", new Rules(true, true, true, true, true, false, true, true, true, true));
        ablations.put(
                "typosOnlyWhereExactMisses", new Rules(true, true, true, true, true, true, false, true, true, true));
        ablations.put(
                "fewerEditsForShortWords", new Rules(true, true, true, true, true, true, true, false, true, true));
        ablations.put(
                "productWordBeforeQualifier", new Rules(true, true, true, true, true, true, true, true, false, true));
        ablations.put("splitJoinedWords", new Rules(true, true, true, true, true, true, true, true, true, false));
        ablations.put(
                "none of #16's (as before)",
                new Rules(true, false, false, true, true, true, false, false, false, false));
        return ablations;
    }

    // ---- loading -------------------------------------------------------------------------------------------

    /** Loads the products not in the catalog yet (another engine's run may have loaded them); wands id by product. */
    private Map<UUID, Integer> load(CurrentUser admin, WandsData data) {
        Map<UUID, Integer> loaded = loadedProducts(admin);
        Set<Integer> present = new HashSet<>(loaded.values());
        if (present.size() == data.products().size()) {
            return loaded;
        }
        Map<String, String> slugByPath = categories(admin, data);
        for (WandsData.Product product : data.products()) {
            if (present.contains(product.id())) {
                continue;
            }
            List<String> names = product.categories();
            String slug = names.isEmpty() ? slugByPath.get("") : slugByPath.get(String.join(" / ", names));
            catalog.create(
                    admin,
                    new CreateProduct(
                            product.name(),
                            product.description(),
                            new BigDecimal("10.00"),
                            "USD",
                            slug,
                            null,
                            null,
                            null,
                            1,
                            SKU_PREFIX + product.id()));
        }
        return loadedProducts(admin);
    }

    /** Creates the category tree of every product's path, parents first; slug by path ("" for uncategorised). */
    private Map<String, String> categories(CurrentUser admin, WandsData data) {
        Set<String> existing = new HashSet<>();
        collectSlugs(catalog.categoryTree(), existing);
        Map<String, String> slugByPath = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>(existing);
        for (WandsData.Product product : data.products()) {
            List<String> names = product.categories();
            String parent = null;
            for (int depth = 0; depth < names.size(); depth++) {
                String path = String.join(" / ", names.subList(0, depth + 1));
                String slug = slugByPath.get(path);
                if (slug == null) {
                    slug = uniqueSlug(names.get(depth), taken);
                    slugByPath.put(path, slug);
                    if (!existing.contains(slug)) {
                        catalog.createCategory(admin, new CreateCategory(names.get(depth), slug, parent, null, null));
                    }
                }
                parent = slug;
            }
        }
        String other = uniqueSlug("Other", taken);
        if (!existing.contains(other)) {
            catalog.createCategory(admin, new CreateCategory("Other", other, null, null, null));
        }
        slugByPath.put("", other);
        return slugByPath;
    }

    private static void collectSlugs(List<dev.bazaar.catalog.CatalogViews.CategoryNode> nodes, Set<String> slugs) {
        for (var node : nodes) {
            slugs.add(node.slug());
            collectSlugs(node.children(), slugs);
        }
    }

    static String uniqueSlug(String name, Set<String> taken) {
        String base = Normalizer.normalize(name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (base.isEmpty()) {
            base = "category";
        }
        base = base.length() > 60 ? base.substring(0, 60).replaceAll("-+$", "") : base;
        String slug = base;
        for (int n = 2; taken.contains(slug); n++) {
            slug = base + "-" + n;
        }
        taken.add(slug);
        return slug;
    }

    private Map<UUID, Integer> loadedProducts(CurrentUser admin) {
        Map<UUID, Integer> ids = new HashMap<>();
        for (int page = 1; ; page++) {
            var products = catalog.products(admin, SKU_PREFIX, page, 100);
            for (ManagedProduct product : products.products()) {
                if (product.sku() != null && product.sku().startsWith(SKU_PREFIX)) {
                    ids.put(product.id(), Integer.parseInt(product.sku().substring(SKU_PREFIX.length())));
                }
            }
            if (products.products().size() < 100) {
                return ids;
            }
        }
    }

    private void awaitIndexed(int products) {
        long deadline = System.nanoTime() + java.time.Duration.ofMinutes(10).toNanos();
        while (true) {
            SearchIndexStatus.Status status = indexStatus.status();
            if (status.indexedProducts() == products && !status.rebuilding()) {
                CatalogSearch.Results probe = search.search(query("ready"));
                if (!probe.degraded()) {
                    return;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("index not ready: " + status);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    // ---- running -------------------------------------------------------------------------------------------

    private Run run(String name, WandsData data, Map<UUID, Integer> wandsIds, Rules rules) {
        RelevanceRules.useRules(rules);
        caches.getCache("search").clear();
        try {
            return Run.of(name, data, text -> {
                CatalogSearch.Results results = search.search(query(text));
                assertThat(results.degraded()).as("degraded answer for " + text).isFalse();
                List<Integer> ranking = new ArrayList<>();
                for (ProductCard card : results.products()) {
                    ranking.add(wandsIds.get(card.id()));
                }
                return ranking;
            });
        } finally {
            RelevanceRules.useRules(Rules.ALL);
            caches.getCache("search").clear();
        }
    }

    private static CatalogSearch.Query query(String text) {
        return new CatalogSearch.Query(text, null, null, null, null, null, null, 1, RECALL_DEPTH);
    }

    /** One system's rankings and per-query metrics, in query order. */
    record Run(String name, List<List<Integer>> rankings, double[] ndcg, double[] precision, double[] recall) {

        static Run of(String name, WandsData data, Function<String, List<Integer>> searcher) {
            int n = data.queries().size();
            List<List<Integer>> rankings = new ArrayList<>();
            double[] ndcg = new double[n];
            double[] precision = new double[n];
            double[] recall = new double[n];
            for (int i = 0; i < n; i++) {
                WandsData.Query query = data.queries().get(i);
                List<Integer> ranking = searcher.apply(query.text());
                Map<Integer, Integer> gains = data.gains().get(query.id());
                rankings.add(ranking);
                ndcg[i] = RankingMetrics.ndcg(ranking, gains, K);
                precision[i] = RankingMetrics.precision(ranking, gains, K);
                recall[i] = RankingMetrics.recall(ranking, gains, RECALL_DEPTH);
            }
            return new Run(name, rankings, ndcg, precision, recall);
        }

        Map<String, Object> summary(WandsData data) {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("all", subset(data, q -> true));
            summary.put("tuning (odd ids)", subset(data, WandsData.Query::tuning));
            summary.put("held out (even ids)", subset(data, q -> !q.tuning()));
            return summary;
        }

        Map<String, Object> subset(WandsData data, Predicate<WandsData.Query> include) {
            Map<String, Object> metrics = new LinkedHashMap<>();
            metrics.put("queries", pick(data, include, ndcg).length);
            metrics.put("ndcg@10", round(RankingMetrics.mean(pick(data, include, ndcg))));
            metrics.put("p@10", round(RankingMetrics.mean(pick(data, include, precision))));
            metrics.put("recall@50", round(RankingMetrics.mean(pick(data, include, recall))));
            int zero = 0;
            for (int i = 0; i < rankings.size(); i++) {
                if (include.test(data.queries().get(i)) && rankings.get(i).isEmpty()) {
                    zero++;
                }
            }
            metrics.put("zeroResultQueries", zero);
            return metrics;
        }

        double ndcg(WandsData data, Predicate<WandsData.Query> include) {
            return RankingMetrics.mean(pick(data, include, ndcg));
        }
    }

    static double[] pick(WandsData data, Predicate<WandsData.Query> include, double[] values) {
        List<Double> picked = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (include.test(data.queries().get(i))) {
                picked.add(values[i]);
            }
        }
        return picked.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static Map<String, Object> compare(Run bazaar, Run baseline, WandsData data) {
        Map<String, Object> comparison = new LinkedHashMap<>();
        Map<String, Predicate<WandsData.Query>> subsets = new LinkedHashMap<>();
        subsets.put("all", q -> true);
        subsets.put("tuning (odd ids)", WandsData.Query::tuning);
        subsets.put("held out (even ids)", q -> !q.tuning());
        subsets.forEach((name, include) -> {
            double[] a = pick(data, include, bazaar.ndcg());
            double[] b = pick(data, include, baseline.ndcg());
            int wins = 0;
            int ties = 0;
            int losses = 0;
            for (int i = 0; i < a.length; i++) {
                double difference = a[i] - b[i];
                if (Math.abs(difference) < 1e-9) {
                    ties++;
                } else if (difference > 0) {
                    wins++;
                } else {
                    losses++;
                }
            }
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("ndcgRatio", round(RankingMetrics.mean(a) / RankingMetrics.mean(b)));
            c.put("wins", wins);
            c.put("ties", ties);
            c.put("losses", losses);
            c.put("pairedRandomizationP", round(RankingMetrics.pairedRandomizationP(a, b, RANDOMIZATION_ROUNDS, 16)));
            comparison.put(name, c);
        });
        return comparison;
    }

    private static List<Map<String, Object>> perQuery(WandsData data, Run bazaar, Run baseline) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < data.queries().size(); i++) {
            WandsData.Query query = data.queries().get(i);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", query.id());
            row.put("query", query.text());
            row.put("half", query.tuning() ? "tuning" : "held out");
            row.put("bazaarNdcg", round(bazaar.ndcg()[i]));
            row.put("bm25Ndcg", round(baseline.ndcg()[i]));
            row.put("bazaarP10", round(bazaar.precision()[i]));
            row.put("bm25P10", round(baseline.precision()[i]));
            row.put("bazaarRecall50", round(bazaar.recall()[i]));
            row.put("bm25Recall50", round(baseline.recall()[i]));
            row.put("bazaarResults", bazaar.rankings().get(i).size());
            row.put("bazaarTop10", bazaar.rankings().get(i).stream().limit(K).toList());
            rows.add(row);
        }
        return rows;
    }

    @SuppressWarnings("unchecked")
    private void write(Map<String, Object> report, Run bazaar, Run baseline, WandsData data) throws IOException {
        Path out = Files.createDirectories(Path.of("target", "relevance"));
        String json =
                JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(report);
        Files.writeString(out.resolve(engine() + ".json"), json);

        StringBuilder md = new StringBuilder();
        md.append("### ").append(engine()).append("\n\n");
        md.append(
                "| queries | system | NDCG@10 | P@10 | recall@50 | zero-result queries |\n|---|---|---|---|---|---|\n");
        for (String subset : List.of("all", "tuning (odd ids)", "held out (even ids)")) {
            for (String system : List.of("bazaar", "bm25")) {
                Map<String, Object> m = (Map<String, Object>) ((Map<String, Object>) report.get(system)).get(subset);
                md.append("| ")
                        .append(subset)
                        .append(" | ")
                        .append(system)
                        .append(" | ")
                        .append(m.get("ndcg@10"))
                        .append(" | ")
                        .append(m.get("p@10"))
                        .append(" | ")
                        .append(m.get("recall@50"))
                        .append(" | ")
                        .append(m.get("zeroResultQueries"))
                        .append(" |\n");
            }
        }
        md.append("\n| queries | Bazaar/BM25 NDCG@10 | wins | ties | losses | paired randomization p |\n");
        md.append("|---|---|---|---|---|---|\n");
        ((Map<String, Object>) report.get("comparison")).forEach((subset, value) -> {
            Map<String, Object> c = (Map<String, Object>) value;
            md.append("| ")
                    .append(subset)
                    .append(" | ")
                    .append(c.get("ndcgRatio"))
                    .append(" | ")
                    .append(c.get("wins"))
                    .append(" | ")
                    .append(c.get("ties"))
                    .append(" | ")
                    .append(c.get("losses"))
                    .append(" | ")
                    .append(c.get("pairedRandomizationP"))
                    .append(" |\n");
        });
        md.append("\n| rule switched off | NDCG@10 all | tuning (odd) | held out (even) |\n|---|---|---|---|\n");
        md.append("| (none: all rules on) | ")
                .append(round(bazaar.ndcg(data, q -> true)))
                .append(" | ")
                .append(round(bazaar.ndcg(data, WandsData.Query::tuning)))
                .append(" | ")
                .append(round(bazaar.ndcg(data, q -> !q.tuning())))
                .append(" |\n");
        ((Map<String, Object>) report.get("withoutOneRule")).forEach((rule, value) -> {
            Map<String, Object> s = (Map<String, Object>) value;
            md.append("| ")
                    .append(rule)
                    .append(" | ")
                    .append(((Map<String, Object>) s.get("all")).get("ndcg@10"))
                    .append(" | ")
                    .append(((Map<String, Object>) s.get("tuning (odd ids)")).get("ndcg@10"))
                    .append(" | ")
                    .append(((Map<String, Object>) s.get("held out (even ids)")).get("ndcg@10"))
                    .append(" |\n");
        });
        md.append(
                "\n| id | query | half | Bazaar NDCG@10 | BM25 NDCG@10 | Bazaar P@10 | BM25 P@10 | Bazaar R@50 | BM25 R@50 |\n");
        md.append("|---|---|---|---|---|---|---|---|---|\n");
        for (Map<String, Object> row : (List<Map<String, Object>>) report.get("perQuery")) {
            md.append("| ")
                    .append(row.get("id"))
                    .append(" | ")
                    .append(row.get("query"))
                    .append(" | ")
                    .append(row.get("half"))
                    .append(" | ")
                    .append(row.get("bazaarNdcg"))
                    .append(" | ")
                    .append(row.get("bm25Ndcg"))
                    .append(" | ")
                    .append(row.get("bazaarP10"))
                    .append(" | ")
                    .append(row.get("bm25P10"))
                    .append(" | ")
                    .append(row.get("bazaarRecall50"))
                    .append(" | ")
                    .append(row.get("bm25Recall50"))
                    .append(" |\n");
        }
        Files.writeString(out.resolve(engine() + ".md"), md);
        System.out.println("\n==== relevance: " + engine() + " ====\n" + md);
    }

    static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
