package dev.bazaar.catalog.internal;

import dev.bazaar.catalog.CatalogForms.CreateCategory;
import dev.bazaar.catalog.CatalogForms.UpdateCategory;
import dev.bazaar.catalog.CatalogViews.CategoryDetails;
import dev.bazaar.catalog.CatalogViews.CategoryNode;
import dev.bazaar.catalog.CategoriesChanged;
import dev.bazaar.platform.DomainException;
import java.text.Normalizer;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** The category tree: reading it, and its changes by admins. */
@Service
class CategoryAdministration {

    private final CategoryStore categories;
    private final CategoryTreeHolder tree;
    private final ProductListing listing;
    private final ProductCaches products;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    CategoryAdministration(
            CategoryStore categories,
            CategoryTreeHolder tree,
            ProductListing listing,
            ProductCaches products,
            ApplicationEventPublisher events,
            TransactionTemplate transactions) {
        this.products = products;
        this.categories = categories;
        this.tree = tree;
        this.listing = listing;
        this.events = events;
        this.transactions = transactions;
    }

    List<CategoryNode> tree() {
        CategoryTree current = tree.current();
        return current.roots().stream().map(root -> node(current, root)).toList();
    }

    CategoryDetails details(String slug) {
        CategoryTree current = tree.current();
        CategoryRow row = current.bySlug(slug).orElseThrow(() -> DomainException.notFound("Category"));
        return new CategoryDetails(
                row.id(),
                row.name(),
                row.slug(),
                row.description(),
                row.imageUrl(),
                current.byId(row.parentId()).map(CategoryLinks::of).orElse(null),
                current.path(row.id()).stream().map(CategoryLinks::of).toList(),
                current.children(row.id()).stream().map(CategoryLinks::of).toList());
    }

    CategoryDetails create(CreateCategory request) {
        String slug = request.slug() != null ? request.slug() : slugOf(request.name());
        UUID parentId = request.parent() == null
                ? null
                : existing(request.parent(), "parent").id();
        change(
                false,
                () -> categories.insert(
                        request.name().trim(), slug, parentId, request.description(), request.imageUrl()));
        return details(slug);
    }

    CategoryDetails update(String slug, UpdateCategory request) {
        CategoryRow row = tree.current().bySlug(slug).orElseThrow(() -> DomainException.notFound("Category"));
        String newSlug = request.slug() != null ? request.slug() : row.slug();
        change(
                true,
                () -> categories.update(
                        row.id(),
                        request.name() != null ? request.name().trim() : row.name(),
                        newSlug,
                        row.parentId(),
                        request.description() != null ? request.description() : row.description(),
                        request.imageUrl() != null ? request.imageUrl() : row.imageUrl()));
        return details(newSlug);
    }

    /** Moves a category under another (or to the top); never under itself or its own descendants. */
    CategoryDetails move(String slug, String parentSlug) {
        CategoryTree current = tree.current();
        CategoryRow row = current.bySlug(slug).orElseThrow(() -> DomainException.notFound("Category"));
        UUID parentId = null;
        if (parentSlug != null) {
            CategoryRow parent = existing(parentSlug, "parent");
            if (current.selfAndDescendants(row.id()).contains(parent.id())) {
                throw DomainException.unprocessable(
                        "CATEGORY_CYCLE", "A category cannot move under itself or one of its subcategories");
            }
            parentId = parent.id();
        }
        UUID newParent = parentId;
        change(
                true,
                () -> categories.update(
                        row.id(), row.name(), row.slug(), newParent, row.description(), row.imageUrl()));
        return details(slug);
    }

    void delete(String slug) {
        CategoryRow row = tree.current().bySlug(slug).orElseThrow(() -> DomainException.notFound("Category"));
        change(false, () -> {
            if (categories.hasChildrenOrProducts(row.id())) {
                throw DomainException.conflict(
                        "CATEGORY_IN_USE", "The category still has subcategories or products; move them first");
            }
            categories.delete(row.id());
        });
    }

    /**
     * Runs a change of the tree in a transaction, then reloads the tree. A change that can alter products'
     * category paths or names (rename, move) also publishes {@link CategoriesChanged}; creating a category or
     * deleting an empty one cannot, so they do not make search rebuild.
     */
    private void change(boolean affectsProducts, Runnable work) {
        try {
            transactions.executeWithoutResult(tx -> {
                work.run();
                if (affectsProducts) {
                    events.publishEvent(new CategoriesChanged(Instant.now()));
                }
            });
        } catch (DuplicateKeyException taken) {
            throw DomainException.conflict("SLUG_TAKEN", "Another category already has this slug");
        } finally {
            tree.reload();
            listing.evictAll();
            if (affectsProducts) {
                products.clearDetails(); // they show the category's name and path
            }
        }
    }

    private CategoryRow existing(String slug, String field) {
        return tree.current()
                .bySlug(slug)
                .orElseThrow(() -> DomainException.invalidField(field, "no category has this slug"));
    }

    private static CategoryNode node(CategoryTree tree, CategoryRow row) {
        return new CategoryNode(
                row.id(),
                row.name(),
                row.slug(),
                row.description(),
                row.imageUrl(),
                tree.children(row.id()).stream().map(child -> node(tree, child)).toList());
    }

    static String slugOf(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug =
                ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        if (slug.isEmpty()) {
            throw DomainException.invalidField("slug", "cannot be derived from this name; give one");
        }
        return slug;
    }
}
