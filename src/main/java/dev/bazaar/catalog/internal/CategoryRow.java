package dev.bazaar.catalog.internal;

import java.util.UUID;

/** A row of {@code categories}. */
record CategoryRow(UUID id, String name, String slug, UUID parentId, String description, String imageUrl) {}
