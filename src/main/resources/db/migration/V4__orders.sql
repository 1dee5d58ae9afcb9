-- Orders: the seed's orders and order_items tables. Statuses and payment statuses are constrained to the
-- seed's values; the currency is stored with the amount.
CREATE TABLE orders (
    id               UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id          UUID REFERENCES users (id),
    total_amount     DECIMAL(10, 2) NOT NULL CHECK (total_amount >= 0),
    currency         CHAR(3)        NOT NULL DEFAULT 'USD',
    status           VARCHAR(50)    NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'confirmed', 'shipped', 'delivered', 'cancelled')),
    shipping_address JSONB          NOT NULL,
    payment_method   VARCHAR(50),
    payment_status   VARCHAR(50)    NOT NULL DEFAULT 'pending',
    created_at       TIMESTAMPTZ    NOT NULL DEFAULT now(),
    updated_at       TIMESTAMPTZ    NOT NULL DEFAULT now()
);

CREATE INDEX idx_orders_user ON orders (user_id, created_at DESC);
CREATE INDEX idx_orders_status ON orders (status);

CREATE TABLE order_items (
    id         UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    order_id   UUID           NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    product_id UUID           NOT NULL REFERENCES products (id),
    quantity   INTEGER        NOT NULL CHECK (quantity > 0),
    price      DECIMAL(10, 2) NOT NULL, -- price at time of purchase
    created_at TIMESTAMPTZ    NOT NULL DEFAULT now()
);

CREATE INDEX idx_order_items_order ON order_items (order_id);
CREATE INDEX idx_order_items_product ON order_items (product_id);
