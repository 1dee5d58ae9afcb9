package dev.bazaar.platform.notification;

import dev.bazaar.platform.web.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/admin/notifications", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Admin: notifications", description = "Messages sent to customers (ADMIN only)")
class NotificationAdminController {

    private final StoredNotifier notifications;

    NotificationAdminController(StoredNotifier notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    @Operation(summary = "The most recent notifications, newest first, optionally of one kind")
    ApiResponse<Notifications> recent(
            @RequestParam(required = false) @Size(max = 50) String kind,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return ApiResponse.of(new Notifications(notifications.recentStored(kind, limit)));
    }

    record Notifications(List<NotificationLog.SentNotification> notifications) {}
}
