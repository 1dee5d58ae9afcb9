package dev.bazaar.identity;

import java.util.Optional;
import java.util.UUID;

/** How to reach a customer: what other modules may know of an account to message it or ship to it. */
public interface CustomerContacts {

    Optional<Contact> contactOf(UUID userId);

    /** The customer's saved shipping addresses, in the order the customer keeps them. */
    java.util.List<SavedAddress> savedAddresses(UUID userId);

    record Contact(UUID userId, String name, String email) {}

    record SavedAddress(
            String label,
            String recipient,
            String line1,
            String line2,
            String city,
            String region,
            String postalCode,
            String country,
            String phone) {}
}
