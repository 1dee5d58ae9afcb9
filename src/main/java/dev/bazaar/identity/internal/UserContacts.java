package dev.bazaar.identity.internal;

import dev.bazaar.identity.CustomerContacts;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

@Service
class UserContacts implements CustomerContacts {

    private final Users users;

    UserContacts(Users users) {
        this.users = users;
    }

    @Override
    public Optional<Contact> contactOf(UUID userId) {
        return users.findById(userId).map(user -> new Contact(user.id(), user.name(), user.email()));
    }
}
