-- Reviews: verified purchases, helpful votes and the indexes of the three review sorts.
--  * reviews.verified_purchase: whether the author had bought the product, set when the review is written and
--    when a later OrderPaid event reports the purchase; stored so that lists read it without a join.
--  * reviews.comment: plain text of at most 5,000 characters (the API checks it too; the constraint keeps any
--    other writer honest). NULL when the review is a rating only.
--  * review_helpful_votes: who found which review helpful, one vote per user and review (the primary key makes a
--    second vote fail atomically, even when two arrive at once); reviews.helpful_count is its count, kept in the
--    same transaction so the "helpful" sort reads an indexed column.
--  * review_purchases: which user bought which product, recorded by the review module from the order module's
--    OrderPaid events. The primary key makes a redelivered event a no-op. No foreign keys: the rows are facts
--    reported by another module's events, and an event must not fail (and be retried forever) over them.
--  * One index per sort of GET /products/{id}/reviews (newest, helpful, rating), each ending in the tie-breakers
--    the queries use (created_at, id), so a page is an index scan, never a sort of all of a product's reviews.
--    The rating index also answers the star histogram of product details from the index alone. idx_reviews_product
--    (V5) is replaced by the newest-first index, which has the same leading columns.
ALTER TABLE reviews ADD COLUMN verified_purchase BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE reviews ADD CONSTRAINT reviews_comment_length CHECK (char_length(comment) <= 5000);

CREATE TABLE review_helpful_votes (
    review_id  UUID        NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
    user_id    UUID        NOT NULL REFERENCES users (id),
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (review_id, user_id)
);

CREATE TABLE review_purchases (
    user_id       UUID        NOT NULL,
    product_id    UUID        NOT NULL,
    first_paid_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (user_id, product_id)
);

DROP INDEX idx_reviews_product;
CREATE INDEX idx_reviews_product_newest ON reviews (product_id, created_at DESC, id DESC);
CREATE INDEX idx_reviews_product_helpful ON reviews (product_id, helpful_count DESC, created_at DESC, id DESC);
CREATE INDEX idx_reviews_product_rating ON reviews (product_id, rating DESC, created_at DESC, id DESC);
