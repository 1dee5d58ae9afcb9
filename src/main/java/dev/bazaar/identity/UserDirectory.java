package dev.bazaar.identity;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/** What other modules may ask about users: only what is shown publicly next to their contributions. */
public interface UserDirectory {

    /** The display name of each given user that exists; unknown ids are left out. */
    Map<UUID, String> displayNames(Collection<UUID> userIds);
}
