package dev.bazaar.catalog.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code categories} table. */
@Repository
class CategoryStore {

    private final JdbcClient jdbc;

    CategoryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<CategoryRow> all() {
        return jdbc.sql("SELECT id, name, slug, parent_id, description, image_url FROM categories")
                .query((rs, row) -> new CategoryRow(
                        rs.getObject("id", UUID.class),
                        rs.getString("name"),
                        rs.getString("slug"),
                        rs.getObject("parent_id", UUID.class),
                        rs.getString("description"),
                        rs.getString("image_url")))
                .list();
    }

    UUID insert(String name, String slug, UUID parentId, String description, String imageUrl) {
        return jdbc.sql("INSERT INTO categories (name, slug, parent_id, description, image_url) "
                        + "VALUES (:name, :slug, :parentId, :description, :imageUrl) RETURNING id")
                .param("name", name)
                .param("slug", slug)
                .param("parentId", parentId)
                .param("description", description)
                .param("imageUrl", imageUrl)
                .query(UUID.class)
                .single();
    }

    void update(UUID id, String name, String slug, UUID parentId, String description, String imageUrl) {
        jdbc.sql("UPDATE categories SET name = :name, slug = :slug, parent_id = :parentId, "
                        + "description = :description, image_url = :imageUrl WHERE id = :id")
                .param("id", id)
                .param("name", name)
                .param("slug", slug)
                .param("parentId", parentId)
                .param("description", description)
                .param("imageUrl", imageUrl)
                .update();
    }

    boolean hasChildrenOrProducts(UUID id) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM categories WHERE parent_id = :id) "
                        + "OR EXISTS (SELECT 1 FROM products WHERE category_id = :id)")
                .param("id", id)
                .query(Boolean.class)
                .single();
    }

    void delete(UUID id) {
        jdbc.sql("DELETE FROM categories WHERE id = :id").param("id", id).update();
    }
}
