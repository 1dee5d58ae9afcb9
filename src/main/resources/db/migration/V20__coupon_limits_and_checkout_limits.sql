-- Money and stock rules (issue 15). Numbered 20 to stay clear of migrations added on parallel branches.
--  * coupons gain a validity window start (starts_at; expires_at is its end), a limit on redemptions in all
--    (max_redemptions) and per customer (max_per_customer); NULL means no limit.
--  * coupon_redemptions: one row per order that used a coupon, written in the order's transaction under the
--    coupon's row lock, so concurrent checkouts cannot exceed a limit; deleted when the order is cancelled.
--  * orders: an index on each shopper's pending orders, counted at every checkout (per-shopper hold limits).
ALTER TABLE coupons ADD COLUMN starts_at TIMESTAMPTZ;
ALTER TABLE coupons ADD COLUMN max_redemptions INTEGER CHECK (max_redemptions > 0);
ALTER TABLE coupons ADD COLUMN max_per_customer INTEGER CHECK (max_per_customer > 0);
ALTER TABLE coupons ADD CONSTRAINT coupons_window CHECK (starts_at IS NULL OR expires_at IS NULL OR starts_at < expires_at);

CREATE TABLE coupon_redemptions (
    order_id   UUID PRIMARY KEY,
    code       VARCHAR(50) NOT NULL REFERENCES coupons (code) ON DELETE CASCADE,
    user_id    UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX idx_coupon_redemptions_code_user ON coupon_redemptions (code, user_id);

CREATE INDEX idx_orders_user_pending ON orders (user_id) WHERE status = 'pending';
