package dev.bazaar.search.relevance;

import dev.bazaar.catalog.IndexableProduct;
import dev.bazaar.platform.Money;
import dev.bazaar.search.internal.SearchEngine.SearchRequest;
import dev.bazaar.search.internal.SearchEngine.Sort;
import dev.bazaar.search.internal.lucene.LuceneSearchEngine;
import dev.bazaar.search.internal.relevance.RelevanceRules;
import dev.bazaar.search.internal.relevance.RelevanceRules.Rules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A quick loop for trying relevance rules on the tuning half: the Lucene engine alone, without the application,
 * indexing the WANDS products as the catalog would hand them over. Not the measurement (that is {@link
 * RelevanceEvaluation}); a few seconds per try instead of minutes. Args: query ids whose top 10 to print (then every
 * query's NDCG@10 is printed); {@code -Dtuning.onlyAll=true} skips the rule ablations.
 */
final class RelevanceTuning {

    public static void main(String[] args) throws Exception {
        WandsData data = WandsData.load(WandsData.DEFAULT_DIRECTORY);
        Map<UUID, Integer> wandsIds = new HashMap<>();
        List<IndexableProduct> products = new ArrayList<>();
        Map<String, String> slugByPath = new HashMap<>();
        Set<String> taken = new HashSet<>();
        Map<Integer, String> names = new HashMap<>();
        for (WandsData.Product product : data.products()) {
            names.put(product.id(), product.name() + " | " + product.productClass());
            List<String> path = new ArrayList<>();
            List<String> categories = product.categories();
            for (int depth = 0; depth < categories.size(); depth++) {
                String key = String.join(" / ", categories.subList(0, depth + 1));
                String name = categories.get(depth);
                path.add(slugByPath.computeIfAbsent(key, k -> RelevanceEvaluation.uniqueSlug(name, taken)));
            }
            if (path.isEmpty()) {
                path.add("other");
            }
            String categoryName = categories.isEmpty() ? "Other" : categories.getLast();
            UUID id = UUID.nameUUIDFromBytes(("wands-" + product.id()).getBytes());
            wandsIds.put(id, product.id());
            products.add(new IndexableProduct(
                    id,
                    product.name(),
                    product.description(),
                    null,
                    Money.of("10.00", "USD"),
                    null,
                    0,
                    path.getLast(),
                    categoryName,
                    path,
                    true,
                    0,
                    Instant.EPOCH,
                    Instant.EPOCH));
        }
        Path dir = Files.createTempDirectory("relevance-tuning");
        try (LuceneSearchEngine engine = new LuceneSearchEngine(dir);
                Bm25Baseline bm25 = new Bm25Baseline(data.products())) {
            engine.rebuild(products.stream(), "v1", n -> {});
            RelevanceEvaluation.Run baseline = RelevanceEvaluation.Run.of("bm25", data, q -> bm25.search(q, 50));
            Map<String, Rules> variants = new java.util.LinkedHashMap<>();
            variants.put("all", Rules.ALL);
            if (!Boolean.getBoolean("tuning.onlyAll")) {
                variants.putAll(RelevanceEvaluation.ablations());
            }
            for (var variant : variants.entrySet()) {
                RelevanceRules.useRules(variant.getValue());
                RelevanceEvaluation.Run run = RelevanceEvaluation.Run.of(
                        variant.getKey(),
                        data,
                        q -> engine
                                .search(new SearchRequest(q, null, null, null, null, null, Sort.RELEVANCE, 1, 50))
                                .productIds()
                                .stream()
                                .map(wandsIds::get)
                                .toList());
                System.out.printf(
                        "%-28s all %.4f (x%.3f)  odd %.4f (x%.3f)  even %.4f (x%.3f)%n",
                        variant.getKey(),
                        run.ndcg(data, q -> true),
                        run.ndcg(data, q -> true) / baseline.ndcg(data, q -> true),
                        run.ndcg(data, WandsData.Query::tuning),
                        run.ndcg(data, WandsData.Query::tuning) / baseline.ndcg(data, WandsData.Query::tuning),
                        run.ndcg(data, q -> !q.tuning()),
                        run.ndcg(data, q -> !q.tuning()) / baseline.ndcg(data, q -> !q.tuning()));
                if (variant.getKey().equals("all")) {
                    for (int i = 0; i < data.queries().size(); i++) {
                        WandsData.Query query = data.queries().get(i);
                        if (query.tuning() || args.length > 0) {
                            System.out.printf(
                                    "   %3d %-40s %.3f bm25 %.3f%n",
                                    query.id(), query.text(), run.ndcg()[i], baseline.ndcg()[i]);
                        }
                        if (java.util.Arrays.stream(args)
                                .mapToInt(Integer::parseInt)
                                .anyMatch(id -> id == query.id())) {
                            Map<Integer, Integer> gains = data.gains().get(query.id());
                            for (int id : run.rankings()
                                    .get(i)
                                    .subList(
                                            0,
                                            Math.min(10, run.rankings().get(i).size()))) {
                                System.out.println("      " + gains.get(id) + " " + names.get(id));
                            }
                            System.out.println("    bm25:");
                            for (int id : baseline.rankings().get(i).subList(0, 10)) {
                                System.out.println("      " + gains.get(id) + " " + names.get(id));
                            }
                        }
                    }
                }
            }
        }
    }
}
