-- The shoppers of the benchmark data set, written straight into the database of a running Bazaar (bench/run.sh
-- runs it once per data directory, after the catalog generator has loaded the products):
--   users       :users customers, shopper-<n>@bench.bazaar.local, all with the password of the template account
--               (the Argon2 hash of one real registration is copied, so every shopper can sign in through the API)
--   carts       a share (:cart_share) of the shoppers have a cart of 1-5 lines
--   orders      0..2*:orders_per_user paid orders per shopper over the last year, 1-4 lines each, with their
--               status history
--   behaviour   :views_per_user product views per shopper over the last 60 days, an add_to_cart per cart line,
--               a purchase per order line (as the recommendation module records them, with the same event keys),
--               and a review (with its behaviour row) for about one purchased line in ten
--
-- Shoppers have tastes, so that recommendations have something to find: each has two favourite categories that
-- get 90% of their views and all their orders, and within a category they pick among its :pool_size most popular
-- in-stock products with a strong skew to the top (rank = 1 + size * u^3). An order's lines are mostly neighbours
-- in that ranking (a "laptop, bag, mouse" basket), so frequently-bought-together pairs recur across orders.
--
-- psql -v users=100000 -v views_per_user=20 -v orders_per_user=2 -v cart_share=0.4 -v pool_size=2000
--      -v password_hash='...' -f seed-shoppers.sql
\set ON_ERROR_STOP on
SET client_min_messages = warning;

SELECT count(*) > 0 AS already_seeded FROM users WHERE email LIKE 'shopper-%@bench.bazaar.local' \gset
\if :already_seeded
\echo 'Shoppers are already there; nothing to do.'
\quit
\endif

BEGIN;

\echo 'Ranking the popular in-stock products of each category'
CREATE TEMP TABLE pool ON COMMIT DROP AS
SELECT category_id, rank::int AS rank, product_id, price, title
FROM (SELECT p.category_id, p.id AS product_id, p.price, p.title,
             row_number() OVER (PARTITION BY p.category_id ORDER BY p.popularity DESC, p.id) AS rank
      FROM products p JOIN inventory_items i ON i.product_id = p.id
      WHERE p.active AND p.category_id IS NOT NULL AND i.on_hand - i.reserved >= 20) ranked
WHERE rank <= :pool_size;
CREATE INDEX ON pool (category_id, rank);

CREATE TEMP TABLE pooled_categories ON COMMIT DROP AS
SELECT (row_number() OVER (ORDER BY category_id) - 1)::int AS n, category_id, size
FROM (SELECT category_id, count(*)::int AS size FROM pool GROUP BY category_id) sizes;
SELECT count(*) AS categories FROM pooled_categories \gset

\echo 'Shoppers'
CREATE TEMP TABLE shoppers ON COMMIT DROP AS
SELECT n, gen_random_uuid() AS id,
       floor(random() * :categories)::int AS fav1,
       floor(random() * :categories)::int AS fav2,
       random() < :cart_share AS has_cart,
       floor(random() * (2 * :orders_per_user + 1))::int AS orders,
       now() - random() * interval '730 days' AS joined
FROM generate_series(1, :users) AS n;

INSERT INTO users (id, email, name, password_hash, role, created_at, updated_at)
SELECT id, 'shopper-' || n || '@bench.bazaar.local', 'Shopper ' || n, :'password_hash', 'CUSTOMER', joined, joined
FROM shoppers;

\echo 'Product views'
-- A subquery with random() in its select list is never flattened into the join, so each row draws its own rank.
INSERT INTO user_behavior (user_id, product_id, event_type, created_at)
SELECT v.user_id, p.product_id, 'view', v.at
FROM (SELECT s.id AS user_id, c.category_id, 1 + floor(c.size * power(random(), 3))::int AS rank,
             now() - random() * interval '60 days' AS at
      FROM shoppers s
      CROSS JOIN generate_series(1, :views_per_user) AS k
      JOIN pooled_categories c
        ON c.n = CASE WHEN k % 10 < 6 THEN s.fav1 WHEN k % 10 < 9 THEN s.fav2 ELSE (s.n + k) % :categories END) v
JOIN pool p ON p.category_id = v.category_id AND p.rank = v.rank;

\echo 'Carts'
CREATE TEMP TABLE shopper_carts ON COMMIT DROP AS
SELECT s.id AS user_id, gen_random_uuid() AS cart_id, s.fav1, (1 + floor(random() * 5))::int AS lines,
       now() - random() * interval '20 days' AS at
FROM shoppers s WHERE s.has_cart;

INSERT INTO carts (id, user_id, created_at, updated_at) SELECT cart_id, user_id, at, at FROM shopper_carts;

CREATE TEMP TABLE shopper_cart_lines ON COMMIT DROP AS
SELECT DISTINCT ON (x.cart_id, p.product_id) x.cart_id, x.user_id, p.product_id, x.quantity, p.price, x.at
FROM (SELECT sc.cart_id, sc.user_id, sc.at, c.category_id, 1 + floor(c.size * power(random(), 3))::int AS rank,
             (1 + floor(random() * 2))::int AS quantity
      FROM shopper_carts sc
      CROSS JOIN LATERAL generate_series(1, sc.lines) AS k
      JOIN pooled_categories c ON c.n = sc.fav1) x
JOIN pool p ON p.category_id = x.category_id AND p.rank = x.rank;

INSERT INTO cart_items (cart_id, product_id, quantity, price, created_at, updated_at)
SELECT cart_id, product_id, quantity, price, at, at FROM shopper_cart_lines;

INSERT INTO user_behavior (user_id, product_id, event_type, metadata, created_at, event_key)
SELECT user_id, product_id, 'add_to_cart', jsonb_build_object('cartId', cart_id::text, 'quantity', quantity), at,
       'bench-cart:' || cart_id || ':' || product_id
FROM shopper_cart_lines;

\echo 'Orders'
CREATE TEMP TABLE shopper_orders ON COMMIT DROP AS
SELECT o.order_id, o.user_id, o.at, o.lines, c.category_id, c.size,
       1 + floor(c.size * power(random(), 3))::int AS anchor
FROM (SELECT gen_random_uuid() AS order_id, s.id AS user_id, CASE WHEN k % 3 = 2 THEN s.fav2 ELSE s.fav1 END AS n,
             (1 + floor(random() * 4))::int AS lines, now() - random() * interval '365 days' AS at
      FROM shoppers s CROSS JOIN LATERAL generate_series(1, s.orders) AS k) o
JOIN pooled_categories c ON c.n = o.n;

CREATE TEMP TABLE shopper_order_lines ON COMMIT DROP AS
SELECT DISTINCT ON (x.order_id, p.product_id) x.order_id, x.user_id, x.at, p.product_id, p.price, p.title, x.quantity
FROM (SELECT o.order_id, o.user_id, o.at, o.category_id,
             CASE WHEN k = 1 OR random() < 0.7 THEN least(o.size, o.anchor + k - 1)
                  ELSE 1 + floor(o.size * power(random(), 3))::int END AS rank,
             CASE WHEN random() < 0.85 THEN 1 ELSE 2 END AS quantity
      FROM shopper_orders o CROSS JOIN LATERAL generate_series(1, o.lines) AS k) x
JOIN pool p ON p.category_id = x.category_id AND p.rank = x.rank;

INSERT INTO orders (id, user_id, total_amount, currency, status, shipping_address, payment_method, payment_status,
                    subtotal, discount, shipping, created_at, updated_at)
SELECT o.order_id, o.user_id, t.subtotal + t.shipping, 'USD',
       CASE WHEN o.at < now() - interval '7 days' THEN 'delivered' ELSE 'shipped' END,
       jsonb_build_object('recipient', 'Bench Shopper', 'line1', '1 Load Lane', 'city', 'Leeds',
                          'postalCode', 'LS1 1AA', 'country', 'GB'),
       'CARD', 'paid', t.subtotal, 0, t.shipping, o.at, o.at
FROM shopper_orders o
JOIN (SELECT order_id, sum(price * quantity) AS subtotal,
             CASE WHEN sum(price * quantity) >= 50 THEN 0 ELSE 4.99 END AS shipping
      FROM shopper_order_lines GROUP BY order_id) t ON t.order_id = o.order_id;

INSERT INTO order_items (order_id, product_id, quantity, price, title, created_at)
SELECT order_id, product_id, quantity, price, title, at FROM shopper_order_lines;

INSERT INTO order_status_history (order_id, status, created_at)
SELECT id, status, updated_at FROM orders WHERE id IN (SELECT order_id FROM shopper_orders);

INSERT INTO user_behavior (user_id, product_id, event_type, metadata, created_at, event_key)
SELECT user_id, product_id, 'purchase', jsonb_build_object('orderId', order_id::text, 'quantity', quantity), at,
       'purchase:' || order_id || ':' || product_id
FROM shopper_order_lines;

INSERT INTO review_purchases (user_id, product_id, first_paid_at)
SELECT user_id, product_id, min(at) FROM shopper_order_lines GROUP BY user_id, product_id;

\echo 'Reviews'
CREATE TEMP TABLE shopper_reviews ON COMMIT DROP AS
SELECT DISTINCT ON (user_id, product_id) user_id, product_id, at + interval '5 days' AS at,
       (ARRAY[3, 4, 4, 5, 5, 5, 2, 1])[1 + floor(random() * 8)::int] AS rating
FROM shopper_order_lines WHERE random() < 0.1;

INSERT INTO reviews (user_id, product_id, rating, comment, verified_purchase, created_at, updated_at)
SELECT user_id, product_id, rating,
       (ARRAY['Does what it says.', 'Good value for the price.', 'Arrived quickly, works well.',
              'Not what I expected.', 'Would buy again.'])[1 + floor(random() * 5)::int],
       true, at, at
FROM shopper_reviews;

INSERT INTO user_behavior (user_id, product_id, event_type, metadata, created_at, event_key)
SELECT user_id, product_id, 'review', jsonb_build_object('rating', rating), at,
       'review:' || user_id || ':' || product_id || ':' || rating
FROM shopper_reviews;

COMMIT;

ANALYZE users;
ANALYZE carts;
ANALYZE cart_items;
ANALYZE orders;
ANALYZE order_items;
ANALYZE user_behavior;
ANALYZE reviews;

SELECT (SELECT count(*) FROM users WHERE email LIKE 'shopper-%@bench.bazaar.local') AS shoppers,
       (SELECT count(*) FROM carts WHERE user_id IS NOT NULL) AS carts,
       (SELECT count(*) FROM cart_items) AS cart_lines,
       (SELECT count(*) FROM orders) AS orders,
       (SELECT count(*) FROM order_items) AS order_lines,
       (SELECT count(*) FROM reviews) AS reviews,
       (SELECT count(*) FROM user_behavior) AS behaviour_rows;
