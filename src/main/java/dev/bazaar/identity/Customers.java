package dev.bazaar.identity;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What other modules may know of customers: how to reach one (to message it or ship to it), the display name shown
 * next to a contribution, and accounts for customers whose history comes from elsewhere.
 */
public interface Customers {

    Optional<Contact> contactOf(UUID userId);

    /** The customer's saved shipping addresses, in the order the customer keeps them. */
    List<SavedAddress> savedAddresses(UUID userId);

    /** The display name of each given user that exists; unknown ids are left out. */
    Map<UUID, String> displayNames(Collection<UUID> userIds);

    /**
     * Creates a customer account for each email not registered yet; a registered email keeps its account. The
     * accounts get no password (a previous shop's export, the demo data set): nobody can sign in to them until a
     * password is set for them, yet their purchases can be recorded.
     *
     * @return the account id of every given email, keyed by the email in lower case
     */
    Map<String, UUID> importCustomers(Collection<ImportedCustomer> customers);

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

    record ImportedCustomer(String email, String name) {}
}
