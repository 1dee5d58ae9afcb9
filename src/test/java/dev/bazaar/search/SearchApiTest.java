package dev.bazaar.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bazaar.Api;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Search through HTTP against the real index, over each test's own catalog ({@link SearchTestSupport}).
 */
class SearchApiTest extends SearchTestSupport {

    @Test
    void findsRanksFiltersAndCountsFacets() {
        product(word + " Laptop 14 inch", "Light laptop for travel", "899.00", laptops, "Lenovo");
        product(word + " Laptop 16 inch Pro", "Powerful laptop", "1499.00", laptops, "Dell");
        product(word + " Laptop Sleeve", "Protective sleeve for a laptop", "25.00", accessories, "Acme");
        product(word + " Wireless Mouse", "Quiet mouse", "19.99", accessories, "Acme");
        awaitIndexed(4);

        JsonNode laptopsFound = search("q=laptop&category=" + root);
        assertThat(titles(laptopsFound)).hasSize(3).doesNotContain(word + " Wireless Mouse");
        assertThat(laptopsFound.path("pagination").path("total").asLong()).isEqualTo(3);

        // a typo still finds laptops
        assertThat(titles(search("q=labtop&category=" + root))).contains(word + " Laptop 14 inch");

        // price filter and sort
        assertThat(titles(search("q=laptop&category=" + root + "&maxPrice=899&sort=price:asc")))
                .containsExactly(word + " Laptop Sleeve", word + " Laptop 14 inch");

        // facets: counts of every value under the other filters
        JsonNode facets = search("category=" + root + "&brand=Acme").path("facets");
        assertThat(count(facets.path("brands"), "Lenovo")).isEqualTo(1);
        assertThat(count(facets.path("brands"), "Dell")).isEqualTo(1);
        assertThat(count(facets.path("brands"), "Acme")).isEqualTo(2);
        assertThat(count(facets.path("categories"), accessories)).isEqualTo(2);
        assertThat(count(facets.path("categories"), laptops)).isZero();
        long priced = facets.path("priceRanges")
                .valueStream()
                .mapToLong(r -> r.path("count").asLong())
                .sum();
        assertThat(priced).isEqualTo(2);

        // the category filter includes subcategories; brand narrows
        assertThat(search("category=" + root).path("pagination").path("total").asLong())
                .isEqualTo(4);
        assertThat(titles(search("category=" + root + "&brand=Dell"))).containsExactly(word + " Laptop 16 inch Pro");
    }

    @Test
    void everyPageOfASearchShowsTheSameFacetsAndTheyFollowTheCatalog() {
        product(word + " Desk Lamp", "Reading lamp", "30.00", accessories, "Acme");
        product(word + " Floor Lamp", "Tall lamp", "90.00", accessories, "Lumo");
        product(word + " Laptop Lamp", "USB lamp", "12.00", laptops, "Acme");
        awaitIndexed(3);

        JsonNode first = search("q=lamp&category=" + root + "&limit=1&page=1");
        JsonNode second = search("q=lamp&category=" + root + "&limit=1&page=2&sort=price:asc");
        assertThat(first.path("facets")).isEqualTo(second.path("facets"));
        assertThat(first.path("facets").path("estimated").asBoolean()).isFalse();
        assertThat(count(second.path("facets").path("brands"), "Acme")).isEqualTo(2);
        assertThat(titles(second)).containsExactly(word + " Desk Lamp");

        product(word + " Wall Lamp", "Wall lamp", "45.00", accessories, "Acme");
        awaitIndexed(4);
        JsonNode afterChange = search("q=lamp&category=" + root + "&limit=1&page=2");
        assertThat(count(afterChange.path("facets").path("brands"), "Acme")).isEqualTo(3);
        assertThat(count(afterChange.path("facets").path("categories"), accessories))
                .isEqualTo(3);
    }

    @Test
    void exactMatchesOutrankTypoMatches() {
        String exact = word + "bolt Charger";
        String near = word + "boat Charger"; // one letter away from the exact word
        product(near, "A charger", "10.00", accessories, "Acme");
        product(exact, "A charger", "10.00", accessories, "Acme");
        awaitIndexed(2);
        List<String> results = titles(search("q=" + word + "bolt&category=" + root));
        assertThat(results).first().isEqualTo(exact);
    }

    @Test
    void fewResultsOfferADidYouMeanMadeOfIndexedWordsThatFindsTheProduct() {
        product(word + " Walnut Coffee Table", "Solid wood", "249.00", accessories, "Acme");
        awaitIndexed(1);
        String typo = word.substring(0, 3) + word.charAt(4) + word.charAt(3) + word.substring(5); // transposed

        // within this test's category: other tests' tables would otherwise match the misspelled words too
        JsonNode results = search("q=" + typo + "%20cofee%20tabel&category=" + root);

        assertThat(didYouMean(results)).isEqualTo(word + " coffee table");
        assertThat(titles(search("q=" + word + "%20coffee%20table"))).first().isEqualTo(word + " Walnut Coffee Table");
    }

    @Test
    void noDidYouMeanWithEnoughResultsOrWithoutACloseWord() {
        product(word + " Oak Table", "Solid wood", "199.00", accessories, "Acme");
        product(word + " Pine Table", "Solid wood", "99.00", accessories, "Acme");
        product(word + " Teak Table", "Solid wood", "299.00", accessories, "Acme");
        awaitIndexed(3);
        String typo = word.substring(0, 3) + word.charAt(4) + word.charAt(3) + word.substring(5);

        JsonNode plenty = search("q=" + typo + "&category=" + root);
        assertThat(plenty.path("pagination").path("total").asLong()).isEqualTo(3);
        assertThat(didYouMean(plenty)).isNull();

        JsonNode nonsense = search("q=qqqqjjjjxxxx");
        assertThat(nonsense.path("products").isEmpty()).isTrue();
        assertThat(didYouMean(nonsense)).isNull();
    }

    @Test
    void autocompletesFromTheFirstLettersWithTypos() {
        product(word + " Kettle", "Electric kettle", "30.00", accessories, "Acme");
        awaitIndexed(1);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(suggestions(word.substring(0, 5)))
                        .anyMatch(text -> text.toLowerCase().contains(word)));
        String typo = word.charAt(0) + "" + word.charAt(2) + word.charAt(1) + word.substring(3, 6);
        assertThat(suggestions(typo)).anyMatch(text -> text.toLowerCase().contains(word));
        assertThat(api.get("/api/v1/products/suggest?q=", null).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/products/suggest?q=ab&limit=50", null).status())
                .isEqualTo(400);
    }

    @Test
    void theIndexFollowsUpdatesAndDeactivations() {
        String id = product(word + " Desk Lamp", "A lamp", "40.00", accessories, "Acme")
                .path("id")
                .asString();
        awaitIndexed(1);
        // the price in results is current the moment the update returns
        api.put("/api/v1/products/" + id, Map.of("price", new BigDecimal("35.00")), admin.accessToken());
        assertThat(search("q=" + word).path("products").get(0).path("price").decimalValue())
                .isEqualByComparingTo("35.00");
        // and the index follows for filters
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() ->
                        assertThat(titles(search("q=" + word + "&maxPrice=36"))).hasSize(1));

        api.delete("/api/v1/products/" + id, admin.accessToken());
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(search("q=" + word)
                                .path("pagination")
                                .path("total")
                                .asLong())
                        .isZero());
    }

    @Test
    void searchesKeepAnsweringWhileTheIndexRebuilds() {
        product(word + " Monitor", "Screen", "150.00", accessories, "Acme");
        awaitIndexed(1);
        Api.Response started = api.post("/api/v1/admin/search/index/rebuild", Map.of(), admin.accessToken());
        assertThat(started.status()).isEqualTo(202);
        for (int i = 0; i < 20; i++) {
            JsonNode results = search("q=" + word);
            assertThat(titles(results)).containsExactly(word + " Monitor");
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !api.get("/api/v1/admin/search/index", admin.accessToken())
                        .data()
                        .path("rebuilding")
                        .asBoolean());
        assertThat(titles(search("q=" + word))).containsExactly(word + " Monitor");
        assertThat(api.post(
                                "/api/v1/admin/search/index/rebuild",
                                Map.of(),
                                registerCustomer().accessToken())
                        .status())
                .isEqualTo(403);
    }

    @Test
    void rejectsBadParameters() {
        for (String query : List.of(
                "limit=101",
                "page=0",
                "page=101&limit=100",
                "sort=best",
                "minPrice=5&maxPrice=1",
                "minRating=7",
                "minPrice=x")) {
            assertThat(api.get("/api/v1/products/search?" + query, null).status())
                    .as(query)
                    .isEqualTo(400);
        }
    }

    private void awaitIndexed(int expected) {
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(search("q=" + word + "&category=" + root)
                                .path("pagination")
                                .path("total")
                                .asLong())
                        .isEqualTo(expected));
    }

    private List<String> suggestions(String prefix) {
        return api.get("/api/v1/products/suggest?q=" + prefix, null)
                .data()
                .path("suggestions")
                .valueStream()
                .map(s -> s.path("text").asString())
                .toList();
    }

    private static String didYouMean(JsonNode results) {
        JsonNode suggestion = results.path("didYouMean");
        return suggestion.isMissingNode() || suggestion.isNull() ? null : suggestion.asString();
    }

    private static long count(JsonNode facet, String value) {
        return facet.valueStream()
                .filter(entry -> entry.path("value").asString().equalsIgnoreCase(value))
                .mapToLong(entry -> entry.path("count").asLong())
                .findFirst()
                .orElse(0);
    }
}
