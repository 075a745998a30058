-- Imported reviews (issue 13): a shop brings its reviews over from another service as CSV. They
-- have no invitation (nobody was invited here), so the column becomes optional, for them only.
ALTER TABLE review ALTER COLUMN invitation_id DROP NOT NULL;
-- What makes a re-imported row the same review: SHA-256 of its date, display name and text
-- (review.transfer.ImportKey), unique per shop, so importing a file twice stores each review once.
ALTER TABLE review ADD COLUMN import_key VARCHAR(64);
CREATE UNIQUE INDEX uk_review_import_key ON review (shop_id, import_key);
-- Only an imported review lacks an invitation, and every imported review has its key.
ALTER TABLE review ADD CONSTRAINT ck_review_origin CHECK (
    (source = 'imported' AND invitation_id IS NULL AND import_key IS NOT NULL)
    OR (source <> 'imported' AND invitation_id IS NOT NULL AND import_key IS NULL));
-- The export reads a shop's reviews in pages by id.
CREATE INDEX ix_review_shop_id ON review (shop_id, id);
-- The public list's total adds the shop's published imported reviews to the score's count: this
-- counts them without reading the shop's other reviews.
CREATE INDEX ix_review_shop_source_status ON review (shop_id, source, status);
