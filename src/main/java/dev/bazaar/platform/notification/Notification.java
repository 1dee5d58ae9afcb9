package dev.bazaar.platform.notification;

import java.util.UUID;

/** A message to one customer. {@code kind} names what it is about, e.g. {@code abandoned_cart}. */
public record Notification(UUID recipientUserId, String recipientEmail, String kind, String subject, String body) {}
