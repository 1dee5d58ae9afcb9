-- Cart pricing and recovery.
--  * carts.reminded_at: when the abandoned-cart reminder for the cart's current idle period went out, so
--    it is sent once per idle period (a later change to the cart starts a new period).
--  * coupons: codes an admin creates, either a percentage or a fixed amount off, with validity and a minimum.
--  * customer_discounts: a percentage an admin grants one customer (staff, loyalty, compensation).
--  * notifications: every message sent to a customer (reminders, order confirmations); the outbox of the
--    notification port when no mail server is configured, and the audit trail when one is.
ALTER TABLE carts ADD COLUMN reminded_at TIMESTAMPTZ;
CREATE INDEX idx_carts_idle_users ON carts (updated_at) WHERE user_id IS NOT NULL;

CREATE TABLE coupons (
    code         VARCHAR(50) PRIMARY KEY CHECK (code = upper(code)),
    percent_off  DECIMAL(5, 2) CHECK (percent_off > 0 AND percent_off <= 100),
    amount_off   DECIMAL(10, 2) CHECK (amount_off > 0),
    min_subtotal DECIMAL(10, 2) NOT NULL DEFAULT 0,
    expires_at   TIMESTAMPTZ,
    active       BOOLEAN NOT NULL DEFAULT TRUE,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK ((percent_off IS NULL) <> (amount_off IS NULL))
);

CREATE TABLE customer_discounts (
    user_id     UUID PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    percent_off DECIMAL(5, 2) NOT NULL CHECK (percent_off > 0 AND percent_off <= 100),
    reason      VARCHAR(255),
    expires_at  TIMESTAMPTZ
);

CREATE TABLE notifications (
    id                UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    recipient_user_id UUID REFERENCES users (id) ON DELETE CASCADE,
    recipient_email   VARCHAR(255) NOT NULL,
    kind              VARCHAR(50)  NOT NULL,
    subject           VARCHAR(255) NOT NULL,
    body              TEXT         NOT NULL,
    channel           VARCHAR(20)  NOT NULL,
    created_at        TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE INDEX idx_notifications_recipient ON notifications (recipient_user_id, created_at DESC);
CREATE INDEX idx_notifications_created ON notifications (created_at DESC);
