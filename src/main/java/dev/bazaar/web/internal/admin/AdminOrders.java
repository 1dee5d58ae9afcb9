package dev.bazaar.web.internal.admin;

import dev.bazaar.order.OrderAdministration;
import dev.bazaar.order.OrderStatus;
import dev.bazaar.order.OrderViews.OrderDetails;
import dev.bazaar.platform.DomainException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Orders for staff: filter by status, one order's details, moving it along (tracking number), cancel and refund. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AdminOrders {

    static final List<String> STATUSES =
            Arrays.stream(OrderStatus.values()).map(OrderStatus::value).toList();

    private final OrderAdministration orders;
    private final AdminMessages messages;

    AdminOrders(OrderAdministration orders, AdminMessages messages) {
        this.orders = orders;
        this.messages = messages;
    }

    @GetMapping("/admin/orders")
    String list(
            @RequestParam(required = false) String status, @RequestParam(defaultValue = "1") int page, Model model) {
        String wanted = status == null || status.isBlank() ? null : status;
        model.addAttribute("section", "orders");
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("status", wanted);
        model.addAttribute("orders", orders.orders(wanted, page, 20));
        return "admin/orders";
    }

    @GetMapping("/admin/orders/{orderId}")
    String order(@PathVariable UUID orderId, Model model) {
        OrderDetails order = orders.details(orderId);
        model.addAttribute("section", "orders");
        model.addAttribute("order", order);
        // the moves the order module allows from here; cancelling has its own form
        model.addAttribute(
                "nextStatuses",
                Arrays.stream(OrderStatus.values())
                        .filter(next ->
                                next != OrderStatus.CANCELLED && order.status().canMoveTo(next))
                        .map(OrderStatus::value)
                        .toList());
        model.addAttribute("cancellable", order.status().cancellable());
        return "admin/order";
    }

    @PostMapping("/admin/orders/{orderId}/status")
    String changeStatus(
            @PathVariable UUID orderId,
            @RequestParam String status,
            @RequestParam(required = false) String trackingNumber,
            RedirectAttributes redirect) {
        try {
            orders.changeStatus(orderId, status, trackingNumber);
            messages.done(redirect, "admin.orders.moved");
        } catch (DomainException refused) {
            AdminMessages.refused(redirect, refused);
        }
        return "redirect:/admin/orders/" + orderId;
    }

    @PostMapping("/admin/orders/{orderId}/cancel")
    String cancel(@PathVariable UUID orderId, RedirectAttributes redirect) {
        try {
            orders.cancel(orderId);
            messages.done(redirect, "admin.orders.cancelled");
        } catch (DomainException refused) {
            AdminMessages.refused(redirect, refused);
        }
        return "redirect:/admin/orders/" + orderId;
    }
}
