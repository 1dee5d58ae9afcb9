package dev.bazaar.identity.internal;

import dev.bazaar.identity.CustomerContacts;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

@Service
class UserContacts implements CustomerContacts {

    private final Users users;
    private final Addresses addresses;

    UserContacts(Users users, Addresses addresses) {
        this.users = users;
        this.addresses = addresses;
    }

    @Override
    public java.util.List<SavedAddress> savedAddresses(UUID userId) {
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
    public Optional<Contact> contactOf(UUID userId) {
        return users.findById(userId).map(user -> new Contact(user.id(), user.name(), user.email()));
    }
}
