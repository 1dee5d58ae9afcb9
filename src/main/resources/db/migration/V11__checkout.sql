-- Checkout: reservations, stock history, order details, status history and idempotency keys.
--  * inventory_reservations: units an unpaid checkout holds (inventory_items.reserved is their sum per
--    product); committed when paid, released when payment fails, the order is cancelled or the hold expires.
--  * inventory_movements: every change of on-hand or reserved stock with its reason, for audits.
--  * orders gain the amounts of their totals (subtotal, discount, shipping), a tracking number and their
--    payment details; order_status_history is the tracking timeline (every status with its time).
--  * order_requests: the Idempotency-Key of each POST /orders with a hash of its body and the response, kept
--    at least 24 hours, so a retried request gets the first answer and never a second order. locked_until
--    marks a request in flight; a request interrupted (crash, payment gateway down) can be resumed with the
--    same key once that lease has passed.
CREATE TABLE inventory_reservations (
    id         UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    order_id   UUID        NOT NULL,
    product_id UUID        NOT NULL REFERENCES products (id),
    quantity   INTEGER     NOT NULL CHECK (quantity > 0),
    status     VARCHAR(20) NOT NULL CHECK (status IN ('reserved', 'committed', 'released')),
    expires_at TIMESTAMPTZ NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (order_id, product_id)
);

CREATE INDEX idx_reservations_expiry ON inventory_reservations (expires_at) WHERE status = 'reserved';

CREATE TABLE inventory_movements (
    id              UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    product_id      UUID         NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    on_hand_delta   INTEGER      NOT NULL,
    reserved_delta  INTEGER      NOT NULL,
    on_hand_after   INTEGER      NOT NULL,
    reason          VARCHAR(255) NOT NULL,
    reference       VARCHAR(100),
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE INDEX idx_movements_product ON inventory_movements (product_id, created_at DESC);

ALTER TABLE orders ADD COLUMN subtotal DECIMAL(10, 2) NOT NULL DEFAULT 0;
ALTER TABLE orders ADD COLUMN discount DECIMAL(10, 2) NOT NULL DEFAULT 0;
ALTER TABLE orders ADD COLUMN shipping DECIMAL(10, 2) NOT NULL DEFAULT 0;
ALTER TABLE orders ADD COLUMN tracking_number VARCHAR(100);
ALTER TABLE orders ADD COLUMN payment_reference VARCHAR(100);
ALTER TABLE order_items ADD COLUMN title VARCHAR(500) NOT NULL DEFAULT '';

CREATE TABLE order_status_history (
    id         UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    order_id   UUID         NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    status     VARCHAR(50)  NOT NULL,
    note       VARCHAR(500),
    created_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE INDEX idx_order_history ON order_status_history (order_id, created_at);

CREATE TABLE order_requests (
    user_id         UUID         NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    idempotency_key VARCHAR(100) NOT NULL,
    request_hash    CHAR(64)     NOT NULL,
    order_id        UUID,
    response_status INTEGER,
    response_body   TEXT,
    locked_until    TIMESTAMPTZ,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, idempotency_key)
);

CREATE INDEX idx_order_requests_created ON order_requests (created_at);
