package dev.bazaar.identity;

import java.util.Optional;
import java.util.UUID;

/** How to reach a customer: what other modules may know of an account for sending it a message. */
public interface CustomerContacts {

    Optional<Contact> contactOf(UUID userId);

    record Contact(UUID userId, String name, String email) {}
}
