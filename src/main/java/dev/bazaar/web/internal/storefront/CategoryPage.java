package dev.bazaar.web.internal.storefront;

import dev.bazaar.catalog.CatalogViews.CategoryDetails;
import dev.bazaar.catalog.ProductBrowsing;
import dev.bazaar.search.CatalogSearch;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/** A category's products (its subcategories' too) with the same filters, sorts and pages as search. */
@Controller
class CategoryPage {

    private final ProductBrowsing catalog;
    private final CatalogSearch search;

    CategoryPage(ProductBrowsing catalog, CatalogSearch search) {
        this.catalog = catalog;
        this.search = search;
    }

    @GetMapping("/categories/{slug}")
    String category(@PathVariable String slug, @ModelAttribute("params") ListingParameters params, Model model) {
        CategoryDetails category = catalog.category(slug);
        model.addAttribute("category", category);
        model.addAttribute("results", search.search(params.query(category.slug())));
        model.addAttribute("links", params.links("/categories/" + category.slug(), false));
        return "storefront/category";
    }
}
