package dev.bazaar.catalog.internal;

import dev.bazaar.catalog.CatalogForms.CreateCategory;
import dev.bazaar.catalog.CatalogForms.MoveCategory;
import dev.bazaar.catalog.CatalogForms.UpdateCategory;
import dev.bazaar.catalog.CatalogViews.CategoryDetails;
import dev.bazaar.catalog.CatalogViews.CategoryNode;
import dev.bazaar.platform.web.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/categories", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Categories", description = "The category tree; admins change it")
class CategoryController {

    private final CategoryAdministration categories;

    CategoryController(CategoryAdministration categories) {
        this.categories = categories;
    }

    @GetMapping
    @Operation(summary = "The whole category tree")
    ApiResponse<List<CategoryNode>> tree() {
        return ApiResponse.of(categories.tree());
    }

    @GetMapping("/{slug}")
    @Operation(summary = "One category with its parent, path from the top and children")
    ApiResponse<CategoryDetails> details(@PathVariable String slug) {
        return ApiResponse.of(categories.details(slug));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Create a category (ADMIN); the slug is derived from the name unless given")
    ApiResponse<CategoryDetails> create(@Valid @RequestBody CreateCategory request) {
        return ApiResponse.of(categories.create(request));
    }

    @PutMapping(path = "/{slug}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Rename or describe a category (ADMIN)")
    ApiResponse<CategoryDetails> update(@PathVariable String slug, @Valid @RequestBody UpdateCategory request) {
        return ApiResponse.of(categories.update(slug, request));
    }

    @PutMapping(path = "/{slug}/parent", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Move a category under another, or to the top with parent null (ADMIN)")
    ApiResponse<CategoryDetails> move(@PathVariable String slug, @Valid @RequestBody MoveCategory request) {
        return ApiResponse.of(categories.move(slug, request.parent()));
    }

    @DeleteMapping("/{slug}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Delete an empty category (ADMIN); 409 while it has subcategories or products")
    ApiResponse<Void> delete(@PathVariable String slug) {
        categories.delete(slug);
        return ApiResponse.message("Category deleted");
    }
}
