package dev.bazaar.web.internal.admin;

import dev.bazaar.catalog.CatalogAdministration;
import dev.bazaar.catalog.CatalogForms.CreateCategory;
import dev.bazaar.platform.DomainException;
import dev.bazaar.platform.security.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The category tree for staff: create, rename, move (never under itself) and delete empty categories. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AdminCategories {

    private final CatalogAdministration catalog;
    private final AdminMessages messages;

    AdminCategories(CatalogAdministration catalog, AdminMessages messages) {
        this.catalog = catalog;
        this.messages = messages;
    }

    @GetMapping("/admin/categories")
    String tree(@RequestParam(required = false) String slug, Model model) {
        var tree = catalog.categoryTree();
        var options = CategoryOptions.of(tree);
        model.addAttribute("section", "categories");
        model.addAttribute("tree", tree);
        model.addAttribute("options", options);
        model.addAttribute(
                "selected",
                slug == null
                        ? null
                        : options.stream()
                                .filter(o -> o.slug().equals(slug))
                                .findFirst()
                                .orElse(null));
        return "admin/categories";
    }

    @PostMapping("/admin/categories")
    String create(
            CurrentUser user,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String slug,
            @RequestParam(defaultValue = "") String parent,
            RedirectAttributes redirect) {
        try {
            catalog.createCategory(
                    user,
                    new CreateCategory(
                            name, slug.isBlank() ? null : slug.strip(), parent.isBlank() ? null : parent, null, null));
            messages.done(redirect, "admin.categories.created", name);
        } catch (DomainException refused) {
            AdminMessages.refused(redirect, refused);
        }
        return "redirect:/admin/categories";
    }

    @PostMapping("/admin/categories/{slug}/rename")
    String rename(
            CurrentUser user,
            @PathVariable String slug,
            @RequestParam(defaultValue = "") String name,
            RedirectAttributes redirect) {
        try {
            catalog.renameCategory(user, slug, name);
            messages.done(redirect, "admin.categories.renamed", name);
        } catch (DomainException refused) {
            AdminMessages.refused(redirect, refused);
        }
        return "redirect:/admin/categories?slug=" + slug;
    }

    @PostMapping("/admin/categories/{slug}/move")
    String move(
            CurrentUser user,
            @PathVariable String slug,
            @RequestParam(defaultValue = "") String parent,
            RedirectAttributes redirect) {
        try {
            catalog.moveCategory(user, slug, parent);
            messages.done(redirect, "admin.categories.moved");
        } catch (DomainException refused) {
            AdminMessages.refused(redirect, refused);
        }
        return "redirect:/admin/categories?slug=" + slug;
    }

    @PostMapping("/admin/categories/{slug}/delete")
    String delete(CurrentUser user, @PathVariable String slug, RedirectAttributes redirect) {
        try {
            catalog.deleteCategory(user, slug);
            messages.done(redirect, "admin.categories.deleted");
        } catch (DomainException refused) {
            AdminMessages.refused(redirect, refused);
            return "redirect:/admin/categories?slug=" + slug;
        }
        return "redirect:/admin/categories";
    }
}
