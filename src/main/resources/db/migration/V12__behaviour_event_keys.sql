-- Behaviour events arrive through the event publication log, which delivers at least once: a listener that
-- failed, or an application that stopped before marking the publication complete, gets the same event again.
-- Each behaviour row therefore carries a key derived from the event that caused it (purchase:{order}:{product},
-- cart:{cart}:{product}:{epoch millis}, review:{user}:{product}:{rating}), and the unique index lets the recorder
-- insert with ON CONFLICT (event_key) DO NOTHING, so a redelivered event is not counted twice. Rows recorded
-- without an event (none today) may leave it null; PostgreSQL's unique index allows many nulls.
ALTER TABLE user_behavior ADD COLUMN event_key VARCHAR(150);

CREATE UNIQUE INDEX uq_behavior_event_key ON user_behavior (event_key);

-- Order baskets for "frequently bought together" are read from purchase rows grouped by their order.
CREATE INDEX idx_behavior_purchase_order ON user_behavior ((metadata ->> 'orderId')) WHERE event_type = 'purchase';
