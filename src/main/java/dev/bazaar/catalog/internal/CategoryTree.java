package dev.bazaar.catalog.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** An immutable snapshot of the whole category tree, small enough to keep in memory and walk freely. */
final class CategoryTree {

    private final Map<UUID, CategoryRow> byId = new HashMap<>();
    private final Map<String, CategoryRow> bySlug = new HashMap<>();
    private final Map<UUID, List<CategoryRow>> children = new HashMap<>();
    private final List<CategoryRow> roots = new ArrayList<>();

    CategoryTree(List<CategoryRow> rows) {
        Comparator<CategoryRow> byName = Comparator.comparing(CategoryRow::name, String.CASE_INSENSITIVE_ORDER);
        for (CategoryRow row : rows) {
            byId.put(row.id(), row);
            bySlug.put(row.slug(), row);
        }
        for (CategoryRow row : rows) {
            if (row.parentId() == null) {
                roots.add(row);
            } else {
                children.computeIfAbsent(row.parentId(), ignored -> new ArrayList<>())
                        .add(row);
            }
        }
        roots.sort(byName);
        children.values().forEach(list -> list.sort(byName));
    }

    Optional<CategoryRow> byId(UUID id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    Optional<CategoryRow> bySlug(String slug) {
        return Optional.ofNullable(slug == null ? null : bySlug.get(slug));
    }

    List<CategoryRow> roots() {
        return roots;
    }

    List<CategoryRow> children(UUID id) {
        return children.getOrDefault(id, List.of());
    }

    /** The category and everything below it. */
    List<UUID> selfAndDescendants(UUID id) {
        List<UUID> result = new ArrayList<>();
        Deque<UUID> pending = new ArrayDeque<>();
        pending.push(id);
        while (!pending.isEmpty()) {
            UUID next = pending.pop();
            result.add(next);
            children(next).forEach(child -> pending.push(child.id()));
        }
        return result;
    }

    /** The categories from the root down to {@code id}. */
    List<CategoryRow> path(UUID id) {
        List<CategoryRow> path = new ArrayList<>();
        for (CategoryRow at = byId.get(id); at != null; at = byId.get(at.parentId())) {
            path.addFirst(at);
            if (at.parentId() == null) {
                break;
            }
        }
        return path;
    }

    List<String> pathSlugs(UUID id) {
        return path(id).stream().map(CategoryRow::slug).toList();
    }
}
