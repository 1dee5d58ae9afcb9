-- Serving recommendations.
--  * user_recommendations holds each user's precomputed list per type (personalized, collaborative,
--    content-based): the seed's columns, with "algorithm" holding the type, plus the rank the list is shown in
--    and the human reason shown next to the product. A list is replaced whole (delete + insert in one
--    transaction), so readers see the old or the new list, never a mix.
--  * Purchases of an order that was later cancelled stay recorded (the event happened) but are flagged in their
--    metadata ("cancelled": true) and no longer count: the purchase-reading indexes below skip them.
ALTER TABLE user_recommendations ADD COLUMN rank SMALLINT NOT NULL DEFAULT 0;
ALTER TABLE user_recommendations ADD COLUMN reason VARCHAR(300) NOT NULL DEFAULT '';

DROP INDEX idx_rec_user;
CREATE INDEX idx_rec_user_type ON user_recommendations (user_id, algorithm, rank);

