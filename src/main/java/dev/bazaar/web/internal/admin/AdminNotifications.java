package dev.bazaar.web.internal.admin;

import dev.bazaar.platform.notification.NotificationLog;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The notifications sent to customers (abandoned-cart reminders, ...), newest first, for staff. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AdminNotifications {

    private final NotificationLog notifications;

    AdminNotifications(NotificationLog notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/admin/notifications")
    String list(@RequestParam(required = false) String kind, Model model) {
        String wanted = kind == null || kind.isBlank() ? null : kind.strip();
        if (wanted != null && wanted.length() > 50) {
            wanted = wanted.substring(0, 50);
        }
        model.addAttribute("section", "notifications");
        model.addAttribute("kind", wanted);
        model.addAttribute("notifications", notifications.recent(wanted, 100));
        return "admin/notifications";
    }
}
