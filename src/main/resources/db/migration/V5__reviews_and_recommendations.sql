-- Reviews, recommendations and behaviour: the seed's tables as designed, with NOT NULL where the seed's
-- semantics require a value.
CREATE TABLE reviews (
    id            UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id       UUID        NOT NULL REFERENCES users (id),
    product_id    UUID        NOT NULL REFERENCES products (id),
    rating        INTEGER     NOT NULL CHECK (rating >= 1 AND rating <= 5),
    comment       TEXT,
    helpful_count INTEGER     NOT NULL DEFAULT 0,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (user_id, product_id)
);

CREATE INDEX idx_reviews_product ON reviews (product_id, created_at DESC);
CREATE INDEX idx_reviews_user ON reviews (user_id);

CREATE TABLE user_recommendations (
    id         UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id    UUID           NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    product_id UUID           NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    score      DECIMAL(10, 6) NOT NULL,
    algorithm  VARCHAR(50)    NOT NULL, -- collaborative, content-based, popular, ...
    created_at TIMESTAMPTZ    NOT NULL DEFAULT now(),
    UNIQUE (user_id, product_id, algorithm)
);

CREATE INDEX idx_rec_user ON user_recommendations (user_id, score DESC);
CREATE INDEX idx_rec_product ON user_recommendations (product_id);

CREATE TABLE user_behavior (
    id         UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id    UUID        REFERENCES users (id) ON DELETE CASCADE,
    product_id UUID        NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    event_type VARCHAR(50) NOT NULL CHECK (event_type IN ('view', 'add_to_cart', 'remove_from_cart', 'purchase', 'review')),
    metadata   JSONB,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX idx_behavior_user ON user_behavior (user_id, created_at DESC);
CREATE INDEX idx_behavior_product ON user_behavior (product_id);
CREATE INDEX idx_behavior_event ON user_behavior (event_type, created_at DESC);
