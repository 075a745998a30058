-- Gives every shop whose slug starts with '@PREFIX@-' @PER_SHOP@ open invitations, as if its webshop
-- had sent them through the API (without their mails). For the review benchmark, which needs more
-- customers with a link than the API can invite in a few seconds (PostgreSQL dialect; see the
-- .h2.sql twin, which also writes the tokens out; here run.sh reads them with psql).
-- Ids start far above what the service's sequences will reach; tokens have the service's form.
INSERT INTO invitation (id, shop_id, order_ref, email, customer_name, locale, token, created_at, send_at, expires_at, reviewed_at)
SELECT 2000000000000 + s.id * 1000000 + X, s.id, 'bench-seed-' || X, 'customer@example.com', NULL, 'nl',
       'b' || LPAD(CAST(s.id AS TEXT), 6, '0') || '-' || LPAD(CAST(X AS TEXT), 35, '0'),
       now(), now(), now() + interval '90 days', NULL
FROM shop s, generate_series(1, @PER_SHOP@) AS series(X)
WHERE s.slug LIKE '@PREFIX@-%';
