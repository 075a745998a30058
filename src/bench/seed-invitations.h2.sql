-- Gives every shop whose slug starts with '@PREFIX@-' @PER_SHOP@ open invitations, as if its webshop
-- had sent them through the API (without their mails), and writes their tokens to @TOKENS@, one per
-- line, interleaved over the shops. For the review benchmark, which needs more customers with a
-- link than the API can invite in a few seconds (H2 dialect; see the .pg.sql twin).
-- Ids start far above what the service's sequences will reach; tokens have the service's form.
INSERT INTO invitation (id, shop_id, order_ref, email, customer_name, locale, token, created_at, send_at, expires_at, reviewed_at)
SELECT 2000000000000 + s.id * 1000000 + X, s.id, 'bench-seed-' || X, 'customer@example.com', NULL, 'nl',
       'b' || LPAD(CAST(s.id AS VARCHAR), 6, '0') || '-' || LPAD(CAST(X AS VARCHAR), 35, '0'),
       CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, DATEADD('DAY', 90, CURRENT_TIMESTAMP), NULL
FROM shop s, SYSTEM_RANGE(1, @PER_SHOP@)
WHERE s.slug LIKE '@PREFIX@-%';

CALL CSVWRITE('@TOKENS@',
    'SELECT token FROM invitation WHERE id >= 2000000000000 AND order_ref LIKE ''bench-seed-%'' AND reviewed_at IS NULL
     ORDER BY MOD(id, 1000000), id',
    'writeColumnHeader=false fieldDelimiter=');
