package dev.bazaar.web.internal.admin;

import dev.bazaar.catalog.CatalogAdministration;
import dev.bazaar.catalog.CatalogViews.ProductDetails;
import dev.bazaar.media.ProductImages;
import dev.bazaar.platform.DomainException;
import dev.bazaar.platform.security.CurrentUser;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Products in the admin console: an admin manages every product, a seller only their own. Every read and change
 * goes through {@link CatalogAdministration}, so another seller's product answers 404 here as in the API.
 */
@Controller
class AdminProducts {

    static final int PAGE_SIZE = 25;

    private final CatalogAdministration catalog;
    private final ProductImages images;
    private final AdminMessages messages;

    AdminProducts(CatalogAdministration catalog, ProductImages images, AdminMessages messages) {
        this.catalog = catalog;
        this.images = images;
        this.messages = messages;
    }

    @GetMapping("/admin/products")
    String list(
            CurrentUser user,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "1") int page,
            Model model) {
        model.addAttribute("section", "products");
        model.addAttribute("query", q); // not "q": the header's search box shows that one
        model.addAttribute("products", catalog.products(user, q, Math.min(page, 100_000), PAGE_SIZE));
        return "admin/products";
    }

    @GetMapping("/admin/products/new")
    String newProduct(Model model) {
        return editor(model, new ProductForm(), null);
    }

    @PostMapping("/admin/products")
    String create(
            CurrentUser user, @ModelAttribute("form") ProductForm form, Model model, RedirectAttributes redirect) {
        try {
            ProductDetails created = catalog.create(user, form.toCreate());
            messages.done(redirect, "admin.products.created");
            return "redirect:/admin/products/" + created.id();
        } catch (DomainException refused) {
            AdminMessages.refused(model, refused);
            return editor(model, form, null);
        }
    }

    @GetMapping("/admin/products/{productId}")
    String edit(CurrentUser user, @PathVariable UUID productId, Model model) {
        ProductDetails product = catalog.product(user, productId);
        return editor(model, ProductForm.of(product), product);
    }

    @PostMapping("/admin/products/{productId}")
    String update(
            CurrentUser user,
            @PathVariable UUID productId,
            @ModelAttribute("form") ProductForm form,
            Model model,
            RedirectAttributes redirect) {
        ProductDetails product = catalog.product(user, productId); // 404 before anything for another's product
        try {
            catalog.update(user, productId, form.toUpdate());
            messages.done(redirect, "admin.products.saved");
            return "redirect:/admin/products/" + productId;
        } catch (DomainException refused) {
            AdminMessages.refused(model, refused);
            return editor(model, form, product);
        }
    }

    @PostMapping("/admin/products/{productId}/deactivate")
    String deactivate(CurrentUser user, @PathVariable UUID productId, RedirectAttributes redirect) {
        catalog.deactivate(user, productId);
        messages.done(redirect, "admin.products.deactivated");
        return "redirect:/admin/products/" + productId;
    }

    private String editor(Model model, ProductForm form, ProductDetails product) {
        model.addAttribute("section", "products");
        model.addAttribute("form", form);
        model.addAttribute("product", product);
        model.addAttribute("images", product == null ? java.util.List.of() : images.images(product.id()));
        model.addAttribute("categories", CategoryOptions.of(catalog.categoryTree()));
        return "admin/product";
    }
}
