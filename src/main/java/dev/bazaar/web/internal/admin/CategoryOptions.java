package dev.bazaar.web.internal.admin;

import dev.bazaar.catalog.CatalogViews.CategoryNode;
import java.util.ArrayList;
import java.util.List;

/** The category tree flattened for a select box, each name indented by its depth. */
record CategoryOptions(String slug, String label, int depth) {

    static List<CategoryOptions> of(List<CategoryNode> tree) {
        List<CategoryOptions> options = new ArrayList<>();
        tree.forEach(node -> add(node, 0, options));
        return options;
    }

    private static void add(CategoryNode node, int depth, List<CategoryOptions> options) {
        options.add(new CategoryOptions(node.slug(), "\u2003".repeat(depth) + node.name(), depth));
        node.children().forEach(child -> add(child, depth + 1, options));
    }
}
