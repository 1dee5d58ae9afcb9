package dev.bazaar.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.bazaar.catalog.CatalogForms.CreateCategory;
import dev.bazaar.catalog.CatalogForms.CreateProduct;
import dev.bazaar.catalog.CatalogForms.UpdateProduct;
import dev.bazaar.catalog.CatalogViews.CategoryNode;
import dev.bazaar.catalog.CatalogViews.ProductDetails;
import dev.bazaar.platform.Money;
import dev.bazaar.platform.security.CurrentUser;
import dev.bazaar.platform.web.Pagination;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * Managing the catalog as the admin console does, with the same services and rules as the catalog's REST
 * endpoints: a seller sees and changes only their own products (another seller's answers 404, as in the API), an
 * admin every product; only admins change the category tree (403 otherwise). Invalid input fails with the same
 * {@link dev.bazaar.platform.DomainException}s as the API's bodies.
 */
public interface CatalogAdministration {

    /**
     * Products the caller manages, newest first, active or not: all of them for an admin, their own for a seller.
     * {@code query} (optional) matches the title, the SKU or the brand, case-insensitively.
     */
    ManagedProductPage products(CurrentUser caller, String query, int page, int limit);

    /** A product the caller may edit, active or not; 404 for anyone else's. */
    ProductDetails product(CurrentUser caller, UUID productId);

    ProductDetails create(CurrentUser caller, CreateProduct request);

    ProductDetails update(CurrentUser caller, UUID productId, UpdateProduct request);

    /** Takes the product off sale ({@code DELETE /products/{id}}). */
    void deactivate(CurrentUser caller, UUID productId);

    /** Titles of products, active or not; unknown ids are left out. */
    Map<UUID, String> titles(Collection<UUID> productIds);

    List<CategoryNode> categoryTree();

    void createCategory(CurrentUser caller, CreateCategory request);

    void renameCategory(CurrentUser caller, String slug, String name);

    /** {@code parent}: the new parent's slug, or null for a top-level category. */
    void moveCategory(CurrentUser caller, String slug, String parent);

    /** Deletes an empty category (409 while it has subcategories or products). */
    void deleteCategory(CurrentUser caller, String slug);

    /** In JSON the price is {@code "price": 999.99, "currency": "USD"}, beside each other as in a listing. */
    @JsonPropertyOrder({"id", "title", "price", "currency"})
    record ManagedProduct(
            UUID id,
            String title,
            @JsonSerialize(using = Money.AmountJson.class) Money price,
            String category,
            String sku,
            boolean active,
            UUID sellerId,
            OffsetDateTime updatedAt) {

        /** The price's currency, the API's {@code "currency"} beside {@code "price"}. */
        @JsonProperty
        public String currency() {
            return price.currency();
        }
    }

    record ManagedProductPage(List<ManagedProduct> products, Pagination pagination) {}
}
