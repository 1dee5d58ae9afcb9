package dev.bazaar.web.internal.admin;

import dev.bazaar.catalog.CatalogAdministration;
import dev.bazaar.catalog.CatalogViews.ProductDetails;
import dev.bazaar.inventory.StockAdministration;
import dev.bazaar.platform.DomainException;
import dev.bazaar.platform.security.CurrentUser;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A product's stock: level, recent movements and an adjustment with its reason. Open to the product's seller and
 * to admins: the catalog answers whether the caller manages the product (404 otherwise) before stock is read.
 */
@Controller
class AdminInventory {

    private final CatalogAdministration catalog;
    private final StockAdministration stock;
    private final AdminMessages messages;

    AdminInventory(CatalogAdministration catalog, StockAdministration stock, AdminMessages messages) {
        this.catalog = catalog;
        this.stock = stock;
        this.messages = messages;
    }

    @GetMapping("/admin/inventory/{productId}")
    String level(CurrentUser user, @PathVariable UUID productId, Model model) {
        ProductDetails product = catalog.product(user, productId);
        model.addAttribute("section", "products");
        model.addAttribute("product", product);
        model.addAttribute("stock", stock.level(productId));
        return "admin/inventory";
    }

    @PostMapping("/admin/inventory/{productId}")
    String adjust(
            CurrentUser user,
            @PathVariable UUID productId,
            @RequestParam(defaultValue = "adjust") String mode,
            @RequestParam(defaultValue = "") String quantity,
            @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        catalog.product(user, productId);
        try {
            int units;
            try {
                units = Integer.parseInt(quantity.strip());
            } catch (NumberFormatException e) {
                throw DomainException.invalidField("quantity", "must be a whole number");
            }
            boolean set = mode.equals("set");
            var after = stock.adjust(productId, set ? units : null, set ? null : units, reason);
            messages.done(redirect, "admin.inventory.saved", after.onHand());
        } catch (DomainException refused) {
            AdminMessages.refused(redirect, refused);
        }
        return "redirect:/admin/inventory/" + productId;
    }
}
