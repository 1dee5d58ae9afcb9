-- Carts: the seed keys cart_items by user_id. Guests need carts too, so a cart row owns the items and
-- belongs either to a user or to a guest (identified by the hash of an unguessable cart token); the seed's
-- UNIQUE(user_id, product_id) becomes UNIQUE(cart_id, product_id). cart_items.price stays the price at
-- the time of adding, so reads can flag price changes.
CREATE TABLE carts (
    id               UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id          UUID UNIQUE REFERENCES users (id) ON DELETE CASCADE,
    guest_token_hash CHAR(64) UNIQUE,
    coupon_code      VARCHAR(50),
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK ((user_id IS NULL) <> (guest_token_hash IS NULL))
);

CREATE INDEX idx_carts_updated ON carts (updated_at);

CREATE TABLE cart_items (
    id         UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    cart_id    UUID           NOT NULL REFERENCES carts (id) ON DELETE CASCADE,
    product_id UUID           NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    quantity   INTEGER        NOT NULL DEFAULT 1 CHECK (quantity BETWEEN 1 AND 99),
    price      DECIMAL(10, 2) NOT NULL,
    created_at TIMESTAMPTZ    NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ    NOT NULL DEFAULT now(),
    UNIQUE (cart_id, product_id)
);

CREATE INDEX idx_cart_items_cart ON cart_items (cart_id, created_at DESC);
CREATE INDEX idx_cart_product ON cart_items (product_id);
