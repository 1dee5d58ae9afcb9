package dev.bazaar.platform.notification;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

/**
 * Records every notification in the {@code notifications} table and, when a mail server is configured
 * ({@code spring.mail.host}), mails it too. Without one, the table is the outbox admins read.
 */
@Service
class StoredNotifier implements Notifier, NotificationLog {

    private final JdbcClient jdbc;
    private final ObjectProvider<JavaMailSender> mail;

    StoredNotifier(JdbcClient jdbc, ObjectProvider<JavaMailSender> mail) {
        this.jdbc = jdbc;
        this.mail = mail;
    }

    @Override
    public void send(Notification notification) {
        JavaMailSender sender = mail.getIfAvailable();
        jdbc.sql("INSERT INTO notifications (recipient_user_id, recipient_email, kind, subject, body, channel) "
                        + "VALUES (:user, :email, :kind, :subject, :body, :channel)")
                .param("user", notification.recipientUserId())
                .param("email", notification.recipientEmail())
                .param("kind", notification.kind())
                .param("subject", notification.subject())
                .param("body", notification.body())
                .param("channel", sender == null ? "stored" : "email")
                .update();
        if (sender != null) {
            SimpleMailMessage message = new SimpleMailMessage();
            message.setTo(notification.recipientEmail());
            message.setSubject(notification.subject());
            message.setText(notification.body());
            sender.send(message);
        }
    }

    @Override
    public List<SentNotification> recent(String kind, int limit) {
        String wanted = kind == null || kind.isBlank() ? null : kind.strip();
        return recentStored(wanted, Math.max(1, Math.min(limit, 500)));
    }

    List<SentNotification> recentStored(String kind, int limit) {
        return jdbc.sql("SELECT id, recipient_user_id, recipient_email, kind, subject, body, channel, created_at "
                        + "FROM notifications WHERE (CAST(:kind AS VARCHAR) IS NULL OR kind = :kind) "
                        + "ORDER BY created_at DESC LIMIT :limit")
                .param("kind", kind)
                .param("limit", limit)
                .query((rs, row) -> new SentNotification(
                        rs.getObject("id", UUID.class),
                        rs.getObject("recipient_user_id", UUID.class),
                        rs.getString("recipient_email"),
                        rs.getString("kind"),
                        rs.getString("subject"),
                        rs.getString("body"),
                        rs.getString("channel"),
                        rs.getObject("created_at", OffsetDateTime.class)))
                .list();
    }
}
