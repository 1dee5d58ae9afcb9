package dev.bazaar.catalog.internal;

import dev.bazaar.catalog.IndexableProduct;
import dev.bazaar.catalog.ProductCard;
import dev.bazaar.catalog.ProductCatalog;
import dev.bazaar.catalog.RatingSummary;
import dev.bazaar.inventory.Inventory;
import dev.bazaar.platform.security.CurrentUser;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * Reading products: single rows through the {@code product} cache (key = product id, 5 minutes), cards with
 * live stock from the inventory module, and the catalog's API for other modules.
 */
@Service
class ProductReads implements ProductCatalog {

    static final String PRODUCT_CACHE = "product";
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {};

    private final Products products;
    private final CategoryTreeHolder categories;
    private final Inventory inventory;
    private final Cache productCache;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;
    private final ProductRatings ratings;

    ProductReads(
            Products products,
            CategoryTreeHolder categories,
            Inventory inventory,
            CacheManager caches,
            TransactionTemplate transactions,
            ObjectMapper json,
            ProductRatings ratings) {
        this.products = products;
        this.ratings = ratings;
        this.categories = categories;
        this.inventory = inventory;
        this.productCache = caches.getCache(PRODUCT_CACHE);
        this.transactions = transactions;
        this.json = json;
    }

    /**
     * The product row, cached. The load runs inside the cache's per-key computation, so an eviction after an
     * update either waits for it and removes what it loaded, or comes first and the load sees the update.
     */
    Optional<ProductRow> row(UUID id) {
        try {
            return Optional.of(productCache.get(id, () -> products.find(id).orElseThrow(NoSuchProduct::new)));
        } catch (Cache.ValueRetrievalException e) {
            if (e.getCause() instanceof NoSuchProduct) {
                return Optional.empty(); // not cached: the id may belong to a product created later
            }
            throw e;
        }
    }

    /** Aborts a cache load for an unknown id without caching anything. */
    private static final class NoSuchProduct extends RuntimeException {
        NoSuchProduct() {
            super(null, null, false, false);
        }
    }

    @Override
    public List<ProductCard> cards(List<UUID> ids) {
        List<ProductRow> rows = new ArrayList<>(ids.size());
        for (UUID id : ids) {
            row(id).filter(ProductRow::active).ifPresent(rows::add);
        }
        Map<UUID, Integer> stock =
                inventory.available(rows.stream().map(ProductRow::id).toList());
        CategoryTree tree = categories.current();
        return rows.stream()
                .map(row -> card(row, tree, stock.getOrDefault(row.id(), 0)))
                .toList();
    }

    @Override
    public Optional<String> categoryName(String slug) {
        return categories.current().bySlug(slug).map(CategoryRow::name);
    }

    @Override
    public Map<String, UUID> idsBySku(Collection<String> skus) {
        return products.idsBySku(skus);
    }

    @Override
    public Optional<ProductCard> card(UUID productId) {
        return cards(List.of(productId)).stream().findFirst();
    }

    @Override
    public Optional<IndexableProduct> indexable(UUID productId) {
        return products.find(productId).map(row -> indexable(row, categories.current()));
    }

    @Override
    public <T> T withAllIndexable(Function<Stream<IndexableProduct>, T> work) {
        CategoryTree tree = categories.reload();
        return transactions.execute(tx -> {
            try (Stream<ProductRow> rows = products.streamActive()) {
                return work.apply(rows.map(row -> indexable(row, tree)));
            }
        });
    }

    @Override
    public boolean isActive(UUID productId) {
        return row(productId).map(ProductRow::active).orElse(false);
    }

    @Override
    public void refreshRatingSummary(UUID productId, Supplier<RatingSummary> summaryUnderLock) {
        ratings.refresh(productId, summaryUnderLock);
    }

    @Override
    public boolean mayManage(UUID productId, CurrentUser caller) {
        return products.find(productId)
                .filter(row -> ProductAdministration.mayManage(caller, row))
                .isPresent();
    }

    @Override
    public void showImages(UUID productId, List<String> imageUrls, String thumbnailUrl) {
        ratings.showImages(productId, imageUrls, thumbnailUrl);
    }

    @Override
    public long activeCount() {
        return products.activeCount();
    }

    ProductCard card(ProductRow row, CategoryTree tree, int stock) {
        return new ProductCard(
                row.id(),
                row.title(),
                row.description(),
                row.price(),
                row.currency(),
                tree.byId(row.categoryId()).map(CategoryRow::slug).orElse(null),
                row.brand(),
                stock,
                row.rating(),
                row.reviewCount(),
                row.imageUrls(),
                specifications(row),
                row.thumbnailUrl() != null
                        ? row.thumbnailUrl()
                        : row.imageUrls().isEmpty() ? null : row.imageUrls().getFirst());
    }

    Map<String, Object> specifications(ProductRow row) {
        return row.specifications() == null ? Map.of() : json.readValue(row.specifications(), JSON_OBJECT);
    }

    private static IndexableProduct indexable(ProductRow row, CategoryTree tree) {
        Optional<CategoryRow> category = tree.byId(row.categoryId());
        return new IndexableProduct(
                row.id(),
                row.title(),
                row.description(),
                row.brand(),
                row.price(),
                row.currency(),
                row.rating(),
                row.reviewCount(),
                category.map(CategoryRow::slug).orElse(null),
                category.map(CategoryRow::name).orElse(null),
                category.map(c -> tree.pathSlugs(c.id())).orElse(List.of()),
                row.active(),
                row.popularity(),
                row.createdAt().toInstant(),
                row.updatedAt().toInstant());
    }
}
