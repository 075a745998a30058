-- The change feed for partners (GET /api/v1/scores/changes, see docs/partners.md).
--
-- One row per shop. A write that moves the shop's score sets position to NULL (changed, not yet in
-- the feed); the placer (ScoreChangeLog) later gives it the next position from score_change_counter,
-- whose row it locks, and commits. Positions are therefore handed out only to committed changes and
-- become visible in the order they were handed out, so a reader never passes a position that a
-- slower transaction fills in later (commit order versus sequence order, docs/architecture.md).
CREATE TABLE score_change (
    shop_id    BIGINT                   NOT NULL,
    position   BIGINT,
    changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_score_change PRIMARY KEY (shop_id),
    CONSTRAINT fk_score_change_shop FOREIGN KEY (shop_id) REFERENCES shop (id)
);
-- Readers range over positions; the placer looks for NULLs (a unique index allows many NULLs on both databases).
CREATE UNIQUE INDEX uk_score_change_position ON score_change (position);

-- The last position handed out. Its one row is the lock that puts placers of every instance in a queue.
CREATE TABLE score_change_counter (
    id            INTEGER NOT NULL,
    last_position BIGINT  NOT NULL,
    CONSTRAINT pk_score_change_counter PRIMARY KEY (id)
);
INSERT INTO score_change_counter (id, last_position) VALUES (1, 0);

-- Shops that exist already enter the feed as changed, so a partner starting at the beginning gets every shop.
INSERT INTO score_change (shop_id, position, changed_at) SELECT id, NULL, created_at FROM shop;
