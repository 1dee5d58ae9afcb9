package dev.bazaar.search.internal;

import dev.bazaar.search.internal.SearchEngine.Facets;
import dev.bazaar.search.internal.SearchEngine.SearchHits;
import dev.bazaar.search.internal.SearchEngine.SearchRequest;
import dev.bazaar.search.internal.SearchEngine.Suggestion;
import dev.bazaar.search.internal.relevance.RelevanceRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Search straight from PostgreSQL, used while the search engine cannot answer: the catalog's full-text GIN index
 * ({@code idx_products_search}: English {@code to_tsvector} of title and description, created by V2) finds the
 * products, and filters, sorts and pages are those of the engine. It is a fallback, so it is plainer than the
 * engine: any word may match and products matching every word rank first (then {@code ts_rank}), but there are no
 * typo matches, no field boosts, brand and category names are not searched, and facets are left empty — counting
 * them would cost the database three more scans per search at the moment it is absorbing all search traffic.
 *
 * <p>This reads the catalog's tables, which modules otherwise never do: the fallback has to work when the one
 * copy of the catalog the search module owns, the index, is unreachable, and it only reads, with the catalog's
 * own index. Autocomplete falls back the same way, on word prefixes.
 */
@Component
class PostgresFullTextSearch {

    /** The expression of the GIN index, verbatim: PostgreSQL only uses the index for this exact expression. */
    private static final String DOCUMENT = "to_tsvector('english', p.title || ' ' || COALESCE(p.description, ''))";

    private static final Pattern NOT_A_WORD_CHARACTER = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final JdbcClient jdbc;

    PostgresFullTextSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    SearchHits search(SearchRequest request) {
        Map<String, Object> params = new HashMap<>();
        String where = where(request, params);
        String from = categoryScope(request, params) + " FROM products p WHERE " + where;
        long total = jdbc.sql(from.replace(" FROM products p", " SELECT count(*) FROM products p"))
                .params(params)
                .query(Long.class)
                .single();
        int limit = Math.max(0, request.limit());
        params.put("limit", limit);
        params.put("offset", (long) (Math.max(1, request.page()) - 1) * limit);
        List<UUID> ids = jdbc.sql(from.replace(" FROM products p", " SELECT p.id FROM products p") + " ORDER BY "
                        + orderBy(request) + " LIMIT :limit OFFSET :offset")
                .params(params)
                .query(UUID.class)
                .list();
        return new SearchHits(ids, total, Facets.NONE);
    }

    /** Titles of the most popular active products having words that begin with every typed word. */
    List<Suggestion> suggest(String prefix, int limit) {
        List<String> words = NOT_A_WORD_CHARACTER
                .splitAsStream(prefix.toLowerCase(java.util.Locale.ROOT))
                .filter(word -> !word.isEmpty())
                .limit(RelevanceRules.MAX_SUGGEST_WORDS)
                .toList();
        if (words.isEmpty() || limit <= 0) {
            return List.of();
        }
        String prefixes =
                String.join(" & ", words.stream().map(word -> word + ":*").toList());
        Map<String, Suggestion> byText = new LinkedHashMap<>();
        jdbc.sql("SELECT p.id, p.title, p.popularity FROM products p WHERE p.active AND " + DOCUMENT
                        + " @@ to_tsquery('english', :prefixes) ORDER BY p.popularity DESC, p.id LIMIT :rows")
                .param("prefixes", prefixes)
                .param("rows", limit * 3)
                .query((rs, row) ->
                        new Suggestion(rs.getString("title"), rs.getObject("id", UUID.class), rs.getLong("popularity")))
                .list()
                .forEach(suggestion -> byText.putIfAbsent(RelevanceRules.sameTextKey(suggestion.text()), suggestion));
        return byText.values().stream().limit(limit).toList();
    }

    private static String categoryScope(SearchRequest request, Map<String, Object> params) {
        if (request.category() == null || request.category().isBlank()) {
            return "";
        }
        params.put("category", request.category().strip());
        return "WITH RECURSIVE chosen AS (SELECT id FROM categories WHERE slug = :category"
                + " UNION ALL SELECT c.id FROM categories c JOIN chosen ON c.parent_id = chosen.id)";
    }

    private static String where(SearchRequest request, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>(List.of("p.active"));
        if (!isBlank(request.query())) {
            params.put("q", request.query());
            conditions.add(DOCUMENT + " @@ " + anyWord());
        }
        if (!isBlank(request.category())) {
            conditions.add("p.category_id IN (SELECT id FROM chosen)");
        }
        if (!isBlank(request.brand())) {
            params.put("brand", RelevanceRules.brandKey(request.brand()));
            conditions.add("lower(p.brand) = :brand");
        }
        if (request.minPrice() != null) {
            params.put("minPrice", request.minPrice());
            conditions.add("p.price >= :minPrice");
        }
        if (request.maxPrice() != null) {
            params.put("maxPrice", request.maxPrice());
            conditions.add("p.price <= :maxPrice");
        }
        if (request.minRating() != null) {
            params.put("minRating", request.minRating());
            conditions.add("p.rating >= :minRating");
        }
        return String.join(" AND ", conditions);
    }

    /** plainto_tsquery joins the words with AND; the engine matches any of them, so OR them instead. */
    private static String anyWord() {
        return "replace(plainto_tsquery('english', :q)::text, ' & ', ' | ')::tsquery";
    }

    private static String orderBy(SearchRequest request) {
        String tail = "p.popularity DESC, p.id";
        SearchEngine.Sort sort = request.sort() == null ? SearchEngine.Sort.RELEVANCE : request.sort();
        return switch (sort) {
            case RELEVANCE ->
                isBlank(request.query())
                        ? tail
                        : "(" + DOCUMENT + " @@ plainto_tsquery('english', :q)) DESC, ts_rank(" + DOCUMENT + ", "
                                + anyWord() + ") DESC, " + tail;
            case PRICE_ASC -> "p.price ASC, " + tail;
            case PRICE_DESC -> "p.price DESC, " + tail;
            case RATING_DESC -> "p.rating DESC, p.review_count DESC, " + tail;
            case NEWEST -> "p.created_at DESC, " + tail;
        };
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
