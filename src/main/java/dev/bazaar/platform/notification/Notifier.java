package dev.bazaar.platform.notification;

/** Sends a notification. Call it inside the transaction that decided to send, so both commit together. */
public interface Notifier {

    void send(Notification notification);
}
