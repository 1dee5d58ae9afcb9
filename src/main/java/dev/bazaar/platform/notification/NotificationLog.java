package dev.bazaar.platform.notification;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The notifications sent to customers, as {@code GET /api/v1/admin/notifications} lists them. Admins only. */
public interface NotificationLog {

    /** The most recent notifications, newest first; {@code kind} null for every kind; {@code limit} 1–500. */
    List<SentNotification> recent(String kind, int limit);

    record SentNotification(
            UUID id,
            UUID recipientUserId,
            String recipientEmail,
            String kind,
            String subject,
            String body,
            String channel,
            OffsetDateTime createdAt) {}
}
