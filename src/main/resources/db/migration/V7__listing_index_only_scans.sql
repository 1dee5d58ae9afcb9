-- Listing indexes that answer filtered pages from the index alone. Measured on 1M products: a leaf category
-- with a price range sorted by newest scanned 16k heap rows (300 ms) through the V6 index, because the price
-- filter needed each row; with price and rating INCLUDEd the same page is an index-only scan. The global
-- per-sort indexes also carry category, price and rating for the same reason.
DROP INDEX idx_products_active_popular;
DROP INDEX idx_products_active_price;
DROP INDEX idx_products_active_rating;
DROP INDEX idx_products_active_newest;
DROP INDEX idx_products_category_popular;
DROP INDEX idx_products_category_price;
DROP INDEX idx_products_category_rating;
DROP INDEX idx_products_category_newest;

CREATE INDEX idx_products_active_popular ON products (popularity DESC, id) INCLUDE (category_id, price, rating)
    WHERE active;
CREATE INDEX idx_products_active_price ON products (price, id) INCLUDE (category_id, rating) WHERE active;
CREATE INDEX idx_products_active_rating ON products (rating DESC, review_count DESC, id)
    INCLUDE (category_id, price) WHERE active;
CREATE INDEX idx_products_active_newest ON products (created_at DESC, id) INCLUDE (category_id, price, rating)
    WHERE active;
CREATE INDEX idx_products_category_popular ON products (category_id, popularity DESC, id) INCLUDE (price, rating)
    WHERE active;
CREATE INDEX idx_products_category_price ON products (category_id, price, id) INCLUDE (rating) WHERE active;
CREATE INDEX idx_products_category_rating ON products (category_id, rating DESC, review_count DESC, id)
    INCLUDE (price) WHERE active;
CREATE INDEX idx_products_category_newest ON products (category_id, created_at DESC, id) INCLUDE (price, rating)
    WHERE active;
