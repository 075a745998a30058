-- V4 gave invitation.delivery the default 'link', but the column holds the enum's names (EMAIL,
-- LINK): every invitation from before V4 got a value no code can read, and its shop's invitation
-- list failed. Store the names, and default to the name.
UPDATE invitation SET delivery = 'LINK' WHERE delivery = 'link';
UPDATE invitation SET delivery = 'EMAIL' WHERE delivery = 'email';
ALTER TABLE invitation ALTER COLUMN delivery SET DEFAULT 'LINK';
