package dev.bazaar.catalog.internal;

import dev.bazaar.catalog.CatalogForms.CreateProduct;
import dev.bazaar.catalog.CatalogForms.UpdateProduct;
import dev.bazaar.catalog.CatalogViews.ProductDetails;
import dev.bazaar.catalog.ProductChanged;
import dev.bazaar.catalog.ProductReviewsView;
import dev.bazaar.catalog.RelatedProductsView;
import dev.bazaar.catalog.ReviewsPreview;
import dev.bazaar.catalog.internal.ProductStore.ProductFields;
import dev.bazaar.inventory.Inventory;
import dev.bazaar.platform.DomainException;
import dev.bazaar.platform.Money;
import dev.bazaar.platform.security.CurrentUser;
import dev.bazaar.platform.security.Role;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
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

    private final ProductStore products;
    private final ProductCatalogService reads;
    private final ProductListing listing;
    private final CategoryTreeHolder categories;
    private final Inventory inventory;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final ProductCaches caches;
    private final ObjectMapper json;
    /** The currency of a product created without one ({@code bazaar.store.currency}). */
    private final String storeCurrency;

    private final ObjectProvider<ProductReviewsView> reviews;
    private final ObjectProvider<RelatedProductsView> related;

    ProductAdministration(
            ProductStore products,
            ProductCatalogService reads,
            ProductListing listing,
            CategoryTreeHolder categories,
            Inventory inventory,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            ProductCaches caches,
            ObjectMapper json,
            ObjectProvider<ProductReviewsView> reviews,
            ObjectProvider<RelatedProductsView> related,
            StoreProperties store) {
        this.reviews = reviews;
        this.related = related;
        this.products = products;
        this.reads = reads;
        this.listing = listing;
        this.categories = categories;
        this.inventory = inventory;
        this.events = events;
        this.transactions = transactions;
        this.caches = caches;
        this.json = json;
        this.storeCurrency = store.currency();
    }

    /**
     * An active product for anyone; an inactive one only for its seller and admins. Assembled once per product and
     * kept in the {@code product-details} cache until something it shows changes ({@link ProductCaches}).
     */
    ProductDetails details(UUID id, Optional<CurrentUser> caller) {
        ProductDetails details = caches.details(id, () -> reads.row(id).map(this::details))
                .orElseThrow(() -> DomainException.notFound("Product"));
        requireVisible(details.active(), details.sellerId(), caller);
        return details;
    }

    /**
     * {@link #details(UUID, Optional)} rendered as the API sends them, rendered once per product and kept in the
     * {@code product-details-json} cache (assembled apart from the pages' cache, so that a product the API shows
     * is not held twice).
     */
    RenderedDetails renderedDetails(UUID id, Optional<CurrentUser> caller) {
        RenderedDetails rendered = caches.renderedDetails(
                        id, () -> reads.row(id).map(this::details).map(this::render))
                .orElseThrow(() -> DomainException.notFound("Product"));
        requireVisible(rendered.active(), rendered.sellerId(), caller);
        return rendered;
    }

    /** An inactive product exists only for its seller and admins: anyone else gets the 404 of an unknown one. */
    private static void requireVisible(boolean active, UUID sellerId, Optional<CurrentUser> caller) {
        if (!active && caller.filter(user -> mayManage(user, sellerId)).isEmpty()) {
            throw DomainException.notFound("Product");
        }
    }

    private RenderedDetails render(ProductDetails details) {
        return new RenderedDetails(details.active(), details.sellerId(), json.writeValueAsString(details));
    }

    ProductDetails create(CurrentUser caller, CreateProduct request) {
        requireSellerOrAdmin(caller);
        ProductFields fields = new ProductFields(
                request.title().trim(),
                request.description(),
                Money.of(request.price(), request.currency() == null ? storeCurrency : request.currency()),
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
                    Money.of(
                            request.price() != null
                                    ? request.price()
                                    : current.price().amount(),
                            request.currency() != null
                                    ? request.currency()
                                    : current.price().currency()),
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
                .orElseThrow(() -> DomainException.notFound("Product"));
    }

    private void evict(UUID id) {
        caches.evictProduct(id);
    }

    /**
     * The details of a product: its row, the stock of it and of its related products in one query, the related
     * products' rows in one batch, and the reviews preview.
     */
    private ProductDetails details(ProductRow row) {
        CategoryTree tree = categories.current();
        Optional<CategoryRow> category = tree.byId(row.categoryId());
        List<ProductRow> related = relatedRows(row, category);
        List<UUID> stocked = new ArrayList<>(related.size() + 1);
        stocked.add(row.id());
        related.forEach(relatedRow -> stocked.add(relatedRow.id()));
        Map<UUID, Integer> stock = inventory.available(stocked);
        int available = stock.getOrDefault(row.id(), 0);
        ReviewsPreview preview =
                reviews.getIfAvailable(() -> id -> ReviewsPreview.none()).preview(row.id());
        return new ProductDetails(
                row.id(),
                row.title(),
                row.description(),
                row.price(),
                category.map(CategoryLinks::of).orElse(null),
                category.map(c -> tree.path(c.id()).stream()
                                .map(CategoryLinks::of)
                                .toList())
                        .orElse(List.of()),
                row.brand(),
                available,
                available > 0,
                row.rating(),
                row.reviewCount(),
                row.imageUrls(),
                reads.specifications(row),
                row.sellerId(),
                row.sku(),
                row.active(),
                preview.reviews(),
                // a plain map, so that the details read back from a Redis cache as they were written
                new TreeMap<>(preview.histogram()),
                related.stream()
                        .map(relatedRow -> reads.card(relatedRow, tree, stock.getOrDefault(relatedRow.id(), 0)))
                        .toList(),
                row.createdAt(),
                row.updatedAt());
    }

    /** The related products that are for sale, most related first. */
    private List<ProductRow> relatedRows(ProductRow row, Optional<CategoryRow> category) {
        RelatedProductsView view = related.getIfAvailable();
        if (view == null) {
            return List.of();
        }
        RelatedProductsView.Subject subject = new RelatedProductsView.Subject(
                row.id(), row.title(), category.map(CategoryRow::slug).orElse(null), row.brand(), row.price());
        return reads.activeRows(view.related(subject, RELATED_PRODUCTS));
    }

    private UUID categoryId(String slug) {
        return categories
                .current()
                .bySlug(slug)
                .or(() -> categories.reloadedForUnknownSlug().bySlug(slug)) // perhaps created on another instance
                .map(CategoryRow::id)
                .orElseThrow(() -> DomainException.invalidField("category", "no category has this slug"));
    }

    static boolean mayManage(CurrentUser user, ProductRow row) {
        return mayManage(user, row.sellerId());
    }

    private static boolean mayManage(CurrentUser user, UUID sellerId) {
        return user.isAdmin() || (user.role() == Role.SELLER && user.id().equals(sellerId));
    }

    private static void requireSellerOrAdmin(CurrentUser caller) {
        if (caller.role() == Role.CUSTOMER) {
            throw DomainException.forbidden("Only sellers and admins manage products");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
