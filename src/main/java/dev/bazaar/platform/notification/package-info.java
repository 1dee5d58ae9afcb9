/**
 * The notification port: modules hand a {@link dev.bazaar.platform.notification.Notification} to {@link
 * dev.bazaar.platform.notification.Notifier}; it is stored (and listed to admins) and, when {@code
 * spring.mail.host} is set, also mailed.
 */
@org.springframework.modulith.NamedInterface("notification")
package dev.bazaar.platform.notification;
