package dev.bazaar.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.Api;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Search with the search engine down: the application is configured for an OpenSearch cluster at a port where
 * nothing listens. It starts anyway, and searches answer from PostgreSQL full-text search, flagged
 * {@code degraded}, with filters, sorts and pages honoured and facets left empty.
 */
@TestPropertySource(
        properties = {
            "bazaar.search.engine=opensearch",
            "bazaar.search.index-directory=${bazaar.data-dir}/search-index-degraded-test"
        })
class DegradedSearchApiTest extends SearchTestSupport {

    @DynamicPropertySource
    static void deadCluster(DynamicPropertyRegistry registry) {
        registry.add("bazaar.search.opensearch.url", () -> "http://127.0.0.1:" + portNobodyListensOn());
    }

    @BeforeEach
    void laptopsAndAccessories() {
        product(word + " Laptop 14 inch", "Light laptop for travel", "899.00", laptops, "Lenovo");
        product(word + " Laptop 16 inch Pro", "Powerful laptop", "1499.00", laptops, "Dell");
        product(word + " Laptop Sleeve", "Protective sleeve for a laptop", "25.00", accessories, "Acme");
        product(word + " Wireless Mouse", "Quiet mouse", "19.99", accessories, "Acme");
    }

    @Test
    void searchesAnswerFromTheDatabaseFlaggedDegraded() {
        JsonNode found = search("q=laptop&category=" + root);

        assertThat(found.path("degraded").asBoolean()).isTrue();
        assertThat(titles(found))
                .containsExactlyInAnyOrder(
                        word + " Laptop 14 inch", word + " Laptop 16 inch Pro", word + " Laptop Sleeve");
        assertThat(found.path("pagination").path("total").asLong()).isEqualTo(3);
        JsonNode facets = found.path("facets");
        assertThat(facets.path("categories").isEmpty()).isTrue();
        assertThat(facets.path("brands").isEmpty()).isTrue();
        assertThat(facets.path("priceRanges").isEmpty()).isTrue();
    }

    @Test
    void productsMatchingEveryWordComeFirst() {
        assertThat(titles(search("q=laptop%20sleeve&category=" + root))).first().isEqualTo(word + " Laptop Sleeve");
        assertThat(titles(search("q=" + word + "%20mouse"))).first().isEqualTo(word + " Wireless Mouse");
    }

    @Test
    void filtersSortsAndPagesAreHonoured() {
        assertThat(titles(search("q=laptop&category=" + root + "&maxPrice=899&sort=price:asc")))
                .containsExactly(word + " Laptop Sleeve", word + " Laptop 14 inch");
        assertThat(titles(search("category=" + root + "&brand=ACME&sort=price:desc")))
                .containsExactly(word + " Laptop Sleeve", word + " Wireless Mouse");
        assertThat(titles(search("category=" + laptops + "&minPrice=1000")))
                .containsExactly(word + " Laptop 16 inch Pro");
        assertThat(search("category=" + root + "&minRating=1")
                        .path("pagination")
                        .path("total")
                        .asLong())
                .isZero();

        JsonNode secondPage = search("category=" + root + "&sort=price:desc&limit=2&page=2");
        assertThat(titles(secondPage)).containsExactly(word + " Laptop Sleeve", word + " Wireless Mouse");
        assertThat(secondPage.path("pagination").path("total").asLong()).isEqualTo(4);
        assertThat(titles(search("category=" + root + "&sort=price:desc&limit=2&page=3")))
                .isEmpty();
    }

    @Test
    void autocompleteAnswersFromTheDatabaseToo() {
        Api.Response response = api.get("/api/v1/products/suggest?q=" + word.substring(0, 6) + "%20lap", null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.data().path("degraded").asBoolean()).isTrue();
        assertThat(response.data()
                        .path("suggestions")
                        .valueStream()
                        .map(s -> s.path("text").asString())
                        .toList())
                .containsExactlyInAnyOrder(
                        word + " Laptop 14 inch", word + " Laptop 16 inch Pro", word + " Laptop Sleeve");
    }

    @Test
    void badParametersAreStillRefused() {
        for (String query : List.of("sort=best", "minPrice=5&maxPrice=1", "page=101&limit=100")) {
            assertThat(api.get("/api/v1/products/search?" + query, null).status())
                    .as(query)
                    .isEqualTo(400);
        }
    }

    private static int portNobodyListensOn() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
