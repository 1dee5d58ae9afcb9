package dev.bazaar.catalog.internal;

import dev.bazaar.catalog.internal.CatalogBulkLoader.CategorySeed;
import dev.bazaar.catalog.internal.CatalogBulkLoader.ProductSeed;
import dev.bazaar.catalog.internal.generator.SyntheticCatalog;
import dev.bazaar.catalog.internal.generator.SyntheticProduct;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Fills an empty catalog with a large synthetic one at start-up, for benchmarks:
 * {@code ./bazaar start --bazaar.generate.products=1000000}. The search index then rebuilds once, in the
 * background, while the server already answers.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "bazaar.generate.products")
class SyntheticCatalogLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SyntheticCatalogLoader.class);

    private final ProductStore products;
    private final CatalogBulkLoader loader;
    private final ObjectMapper json;
    private final long count;
    private final long seed;

    SyntheticCatalogLoader(
            ProductStore products, CatalogBulkLoader loader, ObjectMapper json, SyntheticCatalogProperties properties) {
        this.products = products;
        this.loader = loader;
        this.json = json;
        this.count = properties.products();
        this.seed = properties.seed();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!products.isEmpty()) {
            log.info("The catalog already has products; not generating {} more", count);
            return;
        }
        SyntheticCatalog catalog = new SyntheticCatalog(seed);
        var categoryIds = loader.loadCategories(catalog.categories().stream()
                .map(c -> new CategorySeed(c.slug(), c.name(), c.parentSlug(), null))
                .toList());
        long started = System.nanoTime();
        AtomicLong sku = new AtomicLong();
        long loaded;
        try (ProgressBar bar = new ProgressBarBuilder()
                .setTaskName("Generating products")
                .setInitialMax(count)
                .setStyle(ProgressBarStyle.ASCII)
                .setUnit(" products", 1)
                .showSpeed()
                .build()) {
            loaded = loader.loadProducts(
                    categoryIds, catalog.products(count).map(p -> seed(p, sku.incrementAndGet())), bar::stepTo);
        }
        log.info(
                "Generated {} products in {} s; the search index rebuilds next",
                loaded,
                (System.nanoTime() - started) / 1_000_000_000);
    }

    private ProductSeed seed(SyntheticProduct product, long number) {
        return new ProductSeed(
                "GEN-" + number,
                product.title(),
                product.description(),
                product.price(),
                product.currency(),
                product.categorySlug(),
                product.brand(),
                product.rating(),
                product.reviewCount(),
                product.popularity(),
                product.stock(),
                product.createdAt(),
                json.writeValueAsString(product.specifications()),
                product.imageUrls());
    }
}
