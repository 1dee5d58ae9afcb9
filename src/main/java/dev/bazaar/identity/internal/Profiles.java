package dev.bazaar.identity.internal;

import dev.bazaar.identity.Address;
import dev.bazaar.identity.UserProfile;
import java.util.List;

/** Builds the public {@link UserProfile} from a stored user: never with the password hash. */
final class Profiles {

    private Profiles() {}

    static UserProfile of(UserRow user, List<Address> addresses) {
        return new UserProfile(
                user.id(),
                user.email(),
                user.name(),
                user.phone(),
                user.role(),
                addresses,
                user.createdAt(),
                user.updatedAt());
    }
}
