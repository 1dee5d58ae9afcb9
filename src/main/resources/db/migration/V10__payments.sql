-- Payments. The seed keeps only orders.payment_method and orders.payment_status; taking money needs its own
-- records, owned by the payment module.
--
--  * payments: every money transaction of an order, one row each, including declined and unsettled ones:
--    authorize, capture, refund (cards, through the gateway), debit and credit (gift cards), due (cash on
--    delivery: nothing taken yet). It is the ledger netCharged() sums (succeeded capture + debit - refund -
--    credit) and the store of idempotency: idempotency_key is the key sent to the gateway for that operation,
--    derived from the caller's key (caller key + ':authorize', ':capture', ...), so repeating a call finds the
--    row and the gateway's answer to it instead of charging twice. status 'unknown' means the operation was
--    sent and no answer came (timeout): repeating the call asks the gateway again with the same key; 'failed'
--    means it was never sent (circuit breaker open). Beyond the design's columns: parent_id (the
--    authorization a capture takes, the charge a refund or credit returns), gift_card_code (the card a debit
--    or credit moved), reason (why a refund was made). No foreign key to orders: payments are committed on
--    their own, whatever becomes of the transaction that asked for them.
--  * gift_cards: store-issued cards with a balance, debited and credited atomically in SQL (the balance can
--    never go negative, however many checkouts spend one card at once).
--  * test_gateway_operations: the idempotency records of the test card gateway, which stands in for a card
--    processor's sandbox. A real processor keeps these on its side; the test one keeps them here, so that a
--    repeated authorize, capture or refund with the same key returns the first response.
CREATE TABLE payments (
    id                UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    order_id          UUID           NOT NULL,
    user_id           UUID,
    method            VARCHAR(20)    NOT NULL CHECK (method IN ('card', 'cash_on_delivery', 'gift_card')),
    operation         VARCHAR(20)    NOT NULL
        CHECK (operation IN ('authorize', 'capture', 'refund', 'debit', 'credit', 'due')),
    amount            DECIMAL(10, 2) NOT NULL CHECK (amount > 0),
    currency          CHAR(3)        NOT NULL,
    status            VARCHAR(20)    NOT NULL CHECK (status IN ('succeeded', 'declined', 'failed', 'unknown')),
    gateway_reference VARCHAR(255),
    idempotency_key   VARCHAR(255)   NOT NULL UNIQUE,
    decline_reason    VARCHAR(100),
    parent_id         UUID REFERENCES payments (id),
    gift_card_code    VARCHAR(50),
    reason            VARCHAR(500),
    created_at        TIMESTAMPTZ    NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ    NOT NULL DEFAULT now()
);

CREATE INDEX idx_payments_order ON payments (order_id, created_at);
CREATE INDEX idx_payments_parent ON payments (parent_id) WHERE parent_id IS NOT NULL;

CREATE TABLE gift_cards (
    code       VARCHAR(50)    PRIMARY KEY CHECK (code = upper(code)),
    balance    DECIMAL(10, 2) NOT NULL CHECK (balance >= 0),
    currency   CHAR(3)        NOT NULL,
    active     BOOLEAN        NOT NULL DEFAULT TRUE,
    created_at TIMESTAMPTZ    NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ    NOT NULL DEFAULT now()
);

CREATE TABLE test_gateway_operations (
    idempotency_key  VARCHAR(255)   PRIMARY KEY,
    operation        VARCHAR(20)    NOT NULL CHECK (operation IN ('authorize', 'capture', 'refund')),
    card_token       VARCHAR(100),
    -- the authorization a capture takes, the capture a refund returns
    parent_reference VARCHAR(64),
    amount           DECIMAL(10, 2) NOT NULL,
    currency         CHAR(3)        NOT NULL,
    approved         BOOLEAN        NOT NULL,
    reference        VARCHAR(64) UNIQUE,
    decline_reason   VARCHAR(100),
    created_at       TIMESTAMPTZ    NOT NULL DEFAULT now()
);

CREATE INDEX idx_test_gateway_parent ON test_gateway_operations (parent_reference);
