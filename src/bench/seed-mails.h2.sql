-- Gives the shop '@SLUG@' @MAILS@ open invitations, each with its invitation mail due now, as if its
-- webshop had just invited that many customers. For the mail relay benchmark (mail-relay.sh), which
-- then measures how fast the outbox empties (H2 dialect). Every customer has an address of their
-- own, so the SMTP sink can tell a mail sent twice. Ids start far above what the service's
-- sequences will reach; tokens have the service's form.
INSERT INTO invitation (id, shop_id, order_ref, email, customer_name, locale, delivery, token, created_at, send_at, expires_at,
                        reviewed_at)
SELECT 3000000000000 + X, s.id, 'mail-bench-' || X, 'customer-' || X || '@example.com', 'Customer ' || X, 'nl', 'EMAIL',
       'm' || LPAD(CAST(X AS VARCHAR), 42, '0'),
       CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, DATEADD('DAY', 90, CURRENT_TIMESTAMP), NULL
FROM shop s, SYSTEM_RANGE(1, @MAILS@)
WHERE s.slug = '@SLUG@';

INSERT INTO mail (id, kind, shop_id, invitation_id, notice_no, recipient, locale, state, due_at, next_attempt_at, attempts, created_at)
SELECT id, 'INVITATION', shop_id, id, 0, email, locale, 'PENDING', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0, CURRENT_TIMESTAMP
FROM invitation
WHERE id > 3000000000000 AND order_ref LIKE 'mail-bench-%';
