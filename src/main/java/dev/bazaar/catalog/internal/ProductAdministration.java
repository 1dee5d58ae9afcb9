package dev.bazaar.catalog.internal;

import dev.bazaar.catalog.CatalogRequests.CreateProduct;
import dev.bazaar.catalog.CatalogRequests.UpdateProduct;
import dev.bazaar.catalog.CatalogViews.ProductDetails;
import dev.bazaar.catalog.ProductCard;
import dev.bazaar.catalog.ProductChanged;
import dev.bazaar.catalog.ProductReviewsView;
import dev.bazaar.catalog.RelatedProductsView;
import dev.bazaar.catalog.ReviewsPreview;
import dev.bazaar.catalog.internal.Products.ProductFields;
import dev.bazaar.inventory.Inventory;
import dev.bazaar.platform.security.CurrentUser;
import dev.bazaar.platform.security.Role;
import dev.bazaar.platform.web.ApiException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * Product details (with the first reviews and the star histogram from the review module, when there is one),
 * and products' creation and changes by their seller or an admin. Another seller's product
 * answers 404, as if it did not exist. Every change publishes {@link ProductChanged} in its transaction and,
 * once committed, evicts the product and the listings, so the next read anywhere sees it.
 */
@Service
class ProductAdministration {

    /** Related products shown in product details. */
    static final int RELATED_PRODUCTS = 8;

    private final Products products;
    private final ProductReads reads;
    private final ProductListing listing;
    private final CategoryTreeHolder categories;
    private final Inventory inventory;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Cache productCache;
    private final ObjectMapper json;
    /** The currency of a product created without one ({@code bazaar.store.currency}). */
    private final String storeCurrency;

    private final ObjectProvider<ProductReviewsView> reviews;
    private final ObjectProvider<RelatedProductsView> related;

    ProductAdministration(
            Products products,
            ProductReads reads,
            ProductListing listing,
            CategoryTreeHolder categories,
            Inventory inventory,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            CacheManager caches,
            ObjectMapper json,
            ObjectProvider<ProductReviewsView> reviews,
            ObjectProvider<RelatedProductsView> related,
            @org.springframework.beans.factory.annotation.Value("${bazaar.store.currency:USD}") String storeCurrency) {
        this.reviews = reviews;
        this.related = related;
        this.products = products;
        this.reads = reads;
        this.listing = listing;
        this.categories = categories;
        this.inventory = inventory;
        this.events = events;
        this.transactions = transactions;
        this.productCache = caches.getCache(ProductReads.PRODUCT_CACHE);
        this.json = json;
        this.storeCurrency = storeCurrency;
    }

    /** An active product for anyone; an inactive one only for its seller and admins. */
    ProductDetails details(UUID id, Optional<CurrentUser> caller) {
        ProductRow row = reads.row(id).orElseThrow(() -> ApiException.notFound("Product"));
        if (!row.active() && caller.filter(user -> mayManage(user, row)).isEmpty()) {
            throw ApiException.notFound("Product");
        }
        return details(row);
    }

    ProductDetails create(CurrentUser caller, CreateProduct request) {
        requireSellerOrAdmin(caller);
        ProductFields fields = new ProductFields(
                request.title().trim(),
                request.description(),
                request.price(),
                request.currency() == null ? storeCurrency : request.currency(),
                categoryId(request.category()),
                blankToNull(request.brand()),
                request.imageUrls() == null ? List.of() : request.imageUrls(),
                json.writeValueAsString(request.specifications() == null ? Map.of() : request.specifications()),
                true,
                blankToNull(request.sku()));
        ProductRow created = transactions.execute(tx -> {
            ProductRow row = products.insert(fields, caller.id());
            inventory.setOnHand(row.id(), request.stock() == null ? 0 : request.stock());
            events.publishEvent(new ProductChanged(row.id(), Instant.now()));
            return row;
        });
        listing.evictAll();
        return details(created);
    }

    ProductDetails update(CurrentUser caller, UUID id, UpdateProduct request) {
        requireSellerOrAdmin(caller);
        ProductRow updated = transactions.execute(tx -> {
            ProductRow current = manageable(caller, id);
            ProductFields fields = new ProductFields(
                    request.title() != null ? request.title().trim() : current.title(),
                    request.description() != null ? request.description() : current.description(),
                    request.price() != null ? request.price() : current.price(),
                    request.currency() != null ? request.currency() : current.currency(),
                    request.category() != null ? categoryId(request.category()) : current.categoryId(),
                    request.brand() != null ? blankToNull(request.brand()) : current.brand(),
                    request.imageUrls() != null ? request.imageUrls() : current.imageUrls(),
                    request.specifications() != null
                            ? json.writeValueAsString(request.specifications())
                            : current.specifications(),
                    request.active() != null ? request.active() : current.active(),
                    request.sku() != null ? blankToNull(request.sku()) : current.sku());
            ProductRow row = products.update(id, fields);
            if (request.stock() != null) {
                inventory.setOnHand(id, request.stock());
            }
            events.publishEvent(new ProductChanged(id, Instant.now()));
            return row;
        });
        evict(id);
        return details(updated);
    }

    void deactivate(CurrentUser caller, UUID id) {
        update(caller, id, new UpdateProduct(null, null, null, null, null, null, null, null, null, null, false));
    }

    /** A product the caller may change, active or not, as its editor shows it; 404 for anyone else's. */
    ProductDetails editable(CurrentUser caller, UUID id) {
        requireSellerOrAdmin(caller);
        return details(manageable(caller, id));
    }

    private ProductRow manageable(CurrentUser caller, UUID id) {
        return products.find(id)
                .filter(row -> mayManage(caller, row))
                .orElseThrow(() -> ApiException.notFound("Product"));
    }

    private void evict(UUID id) {
        productCache.evict(id);
        listing.evictAll();
    }

    private ProductDetails details(ProductRow row) {
        CategoryTree tree = categories.current();
        Optional<CategoryRow> category = tree.byId(row.categoryId());
        int stock = inventory.available(row.id());
        // Read on every request rather than cached with the row, so that a new review shows at once.
        ReviewsPreview preview =
                reviews.getIfAvailable(() -> id -> ReviewsPreview.none()).preview(row.id());
        return new ProductDetails(
                row.id(),
                row.title(),
                row.description(),
                row.price(),
                row.currency(),
                category.map(CategoryLinks::of).orElse(null),
                category.map(c -> tree.path(c.id()).stream()
                                .map(CategoryLinks::of)
                                .toList())
                        .orElse(List.of()),
                row.brand(),
                stock,
                stock > 0,
                row.rating(),
                row.reviewCount(),
                row.imageUrls(),
                reads.specifications(row),
                row.sellerId(),
                row.sku(),
                row.active(),
                preview.reviews(),
                preview.histogram(),
                relatedProducts(row.id()),
                row.createdAt(),
                row.updatedAt());
    }

    /** Related products as cards (live price and stock); inactive ones are dropped by {@code cards}. */
    private List<ProductCard> relatedProducts(UUID productId) {
        RelatedProductsView view = related.getIfAvailable();
        if (view == null) {
            return List.of();
        }
        List<UUID> ids = view.related(productId, RELATED_PRODUCTS);
        return ids.isEmpty() ? List.of() : reads.cards(ids);
    }

    private UUID categoryId(String slug) {
        return categories
                .current()
                .bySlug(slug)
                .or(() -> categories.reloadedForUnknownSlug().bySlug(slug)) // perhaps created on another instance
                .map(CategoryRow::id)
                .orElseThrow(() -> ApiException.invalidField("category", "no category has this slug"));
    }

    static boolean mayManage(CurrentUser user, ProductRow row) {
        return user.isAdmin() || (user.role() == Role.SELLER && user.id().equals(row.sellerId()));
    }

    private static void requireSellerOrAdmin(CurrentUser caller) {
        if (caller.role() == Role.CUSTOMER) {
            throw ApiException.forbidden("Only sellers and admins manage products");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
