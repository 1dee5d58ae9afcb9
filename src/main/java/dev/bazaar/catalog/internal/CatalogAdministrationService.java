package dev.bazaar.catalog.internal;

import dev.bazaar.catalog.CatalogAdministration;
import dev.bazaar.catalog.CatalogForms.CreateCategory;
import dev.bazaar.catalog.CatalogForms.CreateProduct;
import dev.bazaar.catalog.CatalogForms.MoveCategory;
import dev.bazaar.catalog.CatalogForms.UpdateCategory;
import dev.bazaar.catalog.CatalogForms.UpdateProduct;
import dev.bazaar.catalog.CatalogViews.CategoryNode;
import dev.bazaar.catalog.CatalogViews.ProductDetails;
import dev.bazaar.platform.DomainException;
import dev.bazaar.platform.security.CurrentUser;
import dev.bazaar.platform.security.Role;
import dev.bazaar.platform.web.Pagination;
import dev.bazaar.platform.web.RequestValidator;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * {@link CatalogAdministration} over {@link ProductAdministration} and {@link CategoryAdministration}, the services
 * behind {@code /products} and {@code /categories}, validating input as those endpoints do.
 */
@Service
class CatalogAdministrationService implements CatalogAdministration {

    private final ProductAdministration products;
    private final CategoryAdministration categories;
    private final ProductStore rows;
    private final CategoryTreeHolder tree;
    private final RequestValidator requests;

    CatalogAdministrationService(
            ProductAdministration products,
            CategoryAdministration categories,
            ProductStore rows,
            CategoryTreeHolder tree,
            RequestValidator requests) {
        this.products = products;
        this.categories = categories;
        this.rows = rows;
        this.tree = tree;
        this.requests = requests;
    }

    @Override
    public ManagedProductPage products(CurrentUser caller, String query, int page, int limit) {
        if (caller.role() == Role.CUSTOMER) {
            throw DomainException.forbidden("Only sellers and admins manage products");
        }
        Pagination requested = Pagination.of(Math.max(1, page), Math.max(1, Math.min(limit, 100)), 0);
        String text = query == null || query.isBlank() ? null : query.strip();
        if (text != null && text.length() > 200) {
            throw DomainException.invalidField("q", "must be at most 200 characters");
        }
        ProductStore.ManagedRows found =
                rows.managed(caller.isAdmin() ? null : caller.id(), text, requested.offset(), requested.limit());
        CategoryTree current = tree.current();
        List<ManagedProduct> list = found.rows().stream()
                .map(row -> new ManagedProduct(
                        row.id(),
                        row.title(),
                        row.price(),
                        current.byId(row.categoryId()).map(CategoryRow::name).orElse(null),
                        row.sku(),
                        row.active(),
                        row.sellerId(),
                        row.updatedAt()))
                .toList();
        return new ManagedProductPage(list, Pagination.of(requested.page(), requested.limit(), found.total()));
    }

    @Override
    public ProductDetails product(CurrentUser caller, UUID productId) {
        return products.editable(caller, productId);
    }

    @Override
    public ProductDetails create(CurrentUser caller, CreateProduct request) {
        return products.create(caller, valid(request));
    }

    @Override
    public ProductDetails update(CurrentUser caller, UUID productId, UpdateProduct request) {
        return products.update(caller, productId, valid(request));
    }

    @Override
    public void deactivate(CurrentUser caller, UUID productId) {
        products.deactivate(caller, productId);
    }

    @Override
    public Map<UUID, String> titles(Collection<UUID> productIds) {
        Map<UUID, String> titles = new LinkedHashMap<>();
        rows.findAll(productIds).forEach(row -> titles.put(row.id(), row.title()));
        return titles;
    }

    @Override
    public List<CategoryNode> categoryTree() {
        return categories.tree();
    }

    @Override
    public void createCategory(CurrentUser caller, CreateCategory request) {
        requireAdmin(caller);
        categories.create(valid(request));
    }

    @Override
    public void renameCategory(CurrentUser caller, String slug, String name) {
        requireAdmin(caller);
        categories.update(slug, valid(new UpdateCategory(name, null, null, null)));
    }

    @Override
    public void moveCategory(CurrentUser caller, String slug, String parent) {
        requireAdmin(caller);
        MoveCategory request = valid(new MoveCategory(parent == null || parent.isBlank() ? null : parent));
        categories.move(slug, request.parent());
    }

    @Override
    public void deleteCategory(CurrentUser caller, String slug) {
        requireAdmin(caller);
        categories.delete(slug);
    }

    private static void requireAdmin(CurrentUser caller) {
        if (!caller.isAdmin()) {
            throw DomainException.forbidden("Only admins change the category tree");
        }
    }

    private <T> T valid(T request) {
        return requests.valid(request);
    }
}
