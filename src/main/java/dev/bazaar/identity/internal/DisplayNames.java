package dev.bazaar.identity.internal;

import dev.bazaar.identity.UserDirectory;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** The identity module's public directory: users' display names, in one query for a whole page. */
@Service
class DisplayNames implements UserDirectory {

    private final Users users;

    DisplayNames(Users users) {
        this.users = users;
    }

    @Override
    public Map<UUID, String> displayNames(Collection<UUID> userIds) {
        return userIds.isEmpty() ? Map.of() : users.names(userIds);
    }
}
