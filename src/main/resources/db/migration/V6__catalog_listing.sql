-- Catalog listing and import support.
--  * popularity: a sales-based rank (units sold), the default listing order and the autocomplete ranking;
--    maintained from orders later.
--  * sku: the seller's own product code, unique when present; demo and bulk imports use it to stay idempotent.
--  * Partial indexes over active products in each listing order (with id as the tie-breaker the queries use),
--    alone and per category, so that every sort is an index scan rather than a sort of the whole table.
ALTER TABLE products ADD COLUMN popularity BIGINT NOT NULL DEFAULT 0 CHECK (popularity >= 0);
ALTER TABLE products ADD COLUMN sku VARCHAR(64);
CREATE UNIQUE INDEX ux_products_sku ON products (sku) WHERE sku IS NOT NULL;

CREATE INDEX idx_products_active_popular ON products (popularity DESC, id) WHERE active;
CREATE INDEX idx_products_active_price ON products (price, id) WHERE active;
CREATE INDEX idx_products_active_rating ON products (rating DESC, review_count DESC, id) WHERE active;
CREATE INDEX idx_products_active_newest ON products (created_at DESC, id) WHERE active;
CREATE INDEX idx_products_category_popular ON products (category_id, popularity DESC, id) WHERE active;
CREATE INDEX idx_products_category_price ON products (category_id, price, id) WHERE active;
CREATE INDEX idx_products_category_rating ON products (category_id, rating DESC, review_count DESC, id) WHERE active;
CREATE INDEX idx_products_category_newest ON products (category_id, created_at DESC, id) WHERE active;
CREATE INDEX idx_products_brand ON products (lower(brand)) WHERE active;
