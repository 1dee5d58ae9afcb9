package dev.bazaar.identity.internal;

import dev.bazaar.identity.Customers;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link Customers} over the users and their addresses; imported accounts get {@link UserStore#NO_PASSWORD}. */
@Service
class CustomersService implements Customers {

    private final UserStore users;
    private final AddressStore addresses;

    CustomersService(UserStore users, AddressStore addresses) {
        this.users = users;
        this.addresses = addresses;
    }

    @Override
    public Optional<Contact> contactOf(UUID userId) {
        return users.findById(userId).map(user -> new Contact(user.id(), user.name(), user.email()));
    }

    @Override
    public List<SavedAddress> savedAddresses(UUID userId) {
        return addresses.of(userId).stream()
                .map(a -> new SavedAddress(
                        a.label(),
                        a.recipient(),
                        a.line1(),
                        a.line2(),
                        a.city(),
                        a.region(),
                        a.postalCode(),
                        a.country(),
                        a.phone()))
                .toList();
    }

    @Override
    public Map<UUID, String> displayNames(Collection<UUID> userIds) {
        // One query for a whole page of reviews.
        return userIds.isEmpty() ? Map.of() : users.names(userIds);
    }

    @Override
    @Transactional
    public Map<String, UUID> importCustomers(Collection<ImportedCustomer> customers) {
        if (customers.isEmpty()) {
            return Map.of();
        }
        // One statement per batch, not a round trip per customer.
        String[] emails = customers.stream()
                .map(customer -> customer.email().trim().toLowerCase(Locale.ROOT))
                .toArray(String[]::new);
        String[] names = customers.stream().map(ImportedCustomer::name).toArray(String[]::new);
        users.insertWithoutPassword(emails, names);
        return users.idsByEmail(emails);
    }
}
