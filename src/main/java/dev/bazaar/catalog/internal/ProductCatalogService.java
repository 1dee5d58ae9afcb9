package dev.bazaar.catalog.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.bazaar.catalog.IndexableProduct;
import dev.bazaar.catalog.ProductCard;
import dev.bazaar.catalog.ProductCatalog;
import dev.bazaar.catalog.RatingSummary;
import dev.bazaar.inventory.Inventory;
import dev.bazaar.platform.security.CurrentUser;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * Reading products: rows through the {@code product} cache (key = product id, 5 minutes; {@link ProductCaches}), cards
 * with live stock from the inventory module, and the catalog's API for other modules.
 */
@Service
class ProductCatalogService implements ProductCatalog {

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {};

    private final ProductStore products;
    private final CategoryTreeHolder categories;
    private final Inventory inventory;
    private final ProductCaches caches;
    private final Cache<String, Map<String, Object>> parsedSpecifications =
            Caffeine.newBuilder().weakKeys().maximumSize(250_000).build();
    private final TransactionTemplate transactions;
    private final ObjectMapper json;
    private final ProductRatings ratings;

    ProductCatalogService(
            ProductStore products,
            CategoryTreeHolder categories,
            Inventory inventory,
            ProductCaches caches,
            TransactionTemplate transactions,
            ObjectMapper json,
            ProductRatings ratings) {
        this.products = products;
        this.ratings = ratings;
        this.categories = categories;
        this.inventory = inventory;
        this.caches = caches;
        this.transactions = transactions;
        this.json = json;
    }

    /** The product row, cached; empty if it does not exist. */
    Optional<ProductRow> row(UUID id) {
        return caches.row(id, () -> products.find(id));
    }

    /**
     * The rows of the given products that are active, in the given order, read in one batch (never a lookup per
     * product); unknown and inactive ids are skipped.
     */
    List<ProductRow> activeRows(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, ProductRow> rows = caches.rows(new LinkedHashSet<>(ids), products::findAll);
        return ids.stream()
                .map(rows::get)
                .filter(row -> row != null && row.active())
                .toList();
    }

    @Override
    public List<ProductCard> cards(List<UUID> ids) {
        List<ProductRow> rows = activeRows(ids);
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, Integer> stock =
                inventory.availableToShow(rows.stream().map(ProductRow::id).toList());
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
    public void reviewsChanged(UUID productId) {
        caches.evictDetailsAfterCommit(productId);
    }

    @Override
    public void relatedProductsChanged() {
        caches.clearDetails();
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

    /**
     * The row's specifications, parsed once per row read from the database rather than once per card: keyed by the
     * identity of the row's JSON text, so an entry lives as long as the cached row holding that text.
     */
    Map<String, Object> specifications(ProductRow row) {
        if (row.specifications() == null) {
            return Map.of();
        }
        return parsedSpecifications.get(
                row.specifications(), text -> Collections.unmodifiableMap(json.readValue(text, JSON_OBJECT)));
    }

    private static IndexableProduct indexable(ProductRow row, CategoryTree tree) {
        Optional<CategoryRow> category = tree.byId(row.categoryId());
        return new IndexableProduct(
                row.id(),
                row.title(),
                row.description(),
                row.brand(),
                row.price(),
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
