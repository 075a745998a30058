-- The dashboard's Reviews page (issue 12): who answered a review and who reported it, so that a
-- shop with several colleagues can see which of them did. The member's address, 'api-key' for a
-- dashboard session opened with the key, or 'api' for a call to the API with the key. Shown to the
-- shop only, never on a public page. Null for what was done before this was recorded (and for an
-- imported review's response, which was written elsewhere).
ALTER TABLE review ADD COLUMN responded_by VARCHAR(254);
ALTER TABLE review_report ADD COLUMN reported_by VARCHAR(254);
