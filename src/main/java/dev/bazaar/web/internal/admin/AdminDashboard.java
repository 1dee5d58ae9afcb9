package dev.bazaar.web.internal.admin;

import dev.bazaar.cart.DiscountAdministration;
import dev.bazaar.catalog.CatalogAdministration;
import dev.bazaar.inventory.StockAdministration;
import dev.bazaar.order.OrderAdministration;
import dev.bazaar.platform.security.CurrentUser;
import dev.bazaar.recommendation.RecommendationModelStatus;
import dev.bazaar.search.SearchIndexStatus;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The admin console's first page. Staff see today's orders and revenue, products running out, abandoned carts and
 * the state of the search index and the recommendation models; a seller sees how many products they sell.
 */
@Controller
class AdminDashboard {

    static final int LOW_STOCK_SHOWN = 10;

    private final CatalogAdministration catalog;
    private final OrderAdministration orders;
    private final StockAdministration stock;
    private final DiscountAdministration discounts;
    private final SearchIndexStatus search;
    private final RecommendationModelStatus recommendations;

    AdminDashboard(
            CatalogAdministration catalog,
            OrderAdministration orders,
            StockAdministration stock,
            DiscountAdministration discounts,
            SearchIndexStatus search,
            RecommendationModelStatus recommendations) {
        this.catalog = catalog;
        this.orders = orders;
        this.stock = stock;
        this.discounts = discounts;
        this.search = search;
        this.recommendations = recommendations;
    }

    @GetMapping("/admin")
    String dashboard(CurrentUser user, Model model) {
        model.addAttribute("section", "dashboard");
        model.addAttribute(
                "productCount", catalog.products(user, null, 1, 1).pagination().total());
        if (user.isAdmin()) {
            model.addAttribute("sales", orders.salesToday());
            List<StockAdministration.LowStock> low = stock.lowStock(LOW_STOCK_SHOWN);
            Map<java.util.UUID, String> titles = catalog.titles(
                    low.stream().map(StockAdministration.LowStock::productId).toList());
            model.addAttribute("lowStock", low);
            model.addAttribute("titles", titles);
            model.addAttribute("abandonedCarts", discounts.abandonedCarts());
            model.addAttribute("searchIndex", search.status());
            model.addAttribute("model", recommendations.status());
        }
        return "admin/dashboard";
    }
}
