-- Trust (issue 10): where a review came from, who may change it, what was seen when it was written,
-- and notices from anyone. Portable SQL: runs unchanged on H2 and PostgreSQL.

-- How the customer got their link: 'email' (the service mailed it; the shop never sees it) or
-- 'link' (the shop hands it out itself). Invitations made before this existed showed their link
-- to the shop, so they are 'link' invitations, and their reviews say so.
ALTER TABLE invitation ADD COLUMN delivery VARCHAR(8) DEFAULT 'link' NOT NULL;

-- invitation-email, invitation-link or imported; public.
ALTER TABLE review ADD COLUMN source VARCHAR(20) DEFAULT 'invitation-link' NOT NULL;
-- The author's own edit link, as a SHA-256 digest; the link itself is never stored.
ALTER TABLE review ADD COLUMN edit_token_hash VARCHAR(64);
CREATE UNIQUE INDEX uk_review_edit_token ON review (edit_token_hash);
-- When the author withdrew the review (status WITHDRAWN); it counts nowhere from then on.
ALTER TABLE review ADD COLUMN withdrawn_at TIMESTAMP WITH TIME ZONE;
-- Why moderation removed it, as a category (illegal, personal_data, not_a_customer, fake, offensive, other).
ALTER TABLE review ADD COLUMN removal_category VARCHAR(20);
CREATE INDEX ix_review_shop_removed ON review (shop_id, removed_at);

-- What was seen when a review was written, for moderation only; never public.
CREATE TABLE review_signal (
    review_id                BIGINT                   NOT NULL,
    shop_id                  BIGINT                   NOT NULL,
    created_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the client's address as a keyed hash, purged after shopscore.trust.address-retention
    address_hash             VARCHAR(64),
    seconds_after_invitation BIGINT                   NOT NULL,
    same_address_reviews     INTEGER                  NOT NULL,
    address_used_shop_key    BOOLEAN                  NOT NULL,
    near_duplicate_of        BIGINT,
    -- a 64-bit simhash of the text and its four 16-bit bands: two texts within 3 bits share a band
    simhash                  BIGINT,
    band_0                   INTEGER,
    band_1                   INTEGER,
    band_2                   INTEGER,
    band_3                   INTEGER,
    risk                     INTEGER                  NOT NULL,
    reasons                  VARCHAR(200),
    CONSTRAINT pk_review_signal PRIMARY KEY (review_id),
    CONSTRAINT fk_review_signal_review FOREIGN KEY (review_id) REFERENCES review (id)
);
CREATE INDEX ix_review_signal_address ON review_signal (address_hash, shop_id, created_at);
CREATE INDEX ix_review_signal_band_0 ON review_signal (band_0, created_at);
CREATE INDEX ix_review_signal_band_1 ON review_signal (band_1, created_at);
CREATE INDEX ix_review_signal_band_2 ON review_signal (band_2, created_at);
CREATE INDEX ix_review_signal_band_3 ON review_signal (band_3, created_at);

-- Addresses from which a shop's API key was used (keyed hashes, purged like the signals).
CREATE TABLE api_key_use (
    shop_id      BIGINT                   NOT NULL,
    address_hash VARCHAR(64)              NOT NULL,
    last_used_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_api_key_use PRIMARY KEY (shop_id, address_hash),
    CONSTRAINT fk_api_key_use_shop FOREIGN KEY (shop_id) REFERENCES shop (id)
);

-- Keys this service generates for itself once (keyed hashes, edit links), shared by every instance.
CREATE TABLE service_key (
    name       VARCHAR(40)              NOT NULL,
    secret     VARCHAR(100)             NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_service_key PRIMARY KEY (name)
);

-- Notices about a review from anyone (DSA article 16); they wait in the moderation queue.
CREATE SEQUENCE review_notice_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE review_notice (
    id          BIGINT                   NOT NULL,
    review_id   BIGINT                   NOT NULL,
    reason      VARCHAR(20)              NOT NULL,
    explanation VARCHAR(2000)            NOT NULL,
    email       VARCHAR(254),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    resolved_at TIMESTAMP WITH TIME ZONE,
    outcome     VARCHAR(12),
    CONSTRAINT pk_review_notice PRIMARY KEY (id),
    CONSTRAINT fk_review_notice_review FOREIGN KEY (review_id) REFERENCES review (id)
);
CREATE INDEX ix_review_notice_open ON review_notice (resolved_at, review_id);

-- A shop's report ends upheld (the review was removed) or rejected (it stays); counted publicly.
ALTER TABLE review_report ADD COLUMN outcome VARCHAR(12);
ALTER TABLE review_report ADD COLUMN shop_id BIGINT;
UPDATE review_report SET shop_id = (SELECT r.shop_id FROM review r WHERE r.id = review_report.review_id);
CREATE INDEX ix_review_report_shop ON review_report (shop_id, created_at);

-- Mails about a review to its author (edit link, change notices, statements of reasons) name it,
-- and there may be several of one kind (every change is told): they are numbered.
ALTER TABLE mail ADD COLUMN review_id BIGINT;
ALTER TABLE mail ADD COLUMN notice_no INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE mail DROP CONSTRAINT uk_mail_invitation_kind;
ALTER TABLE mail ADD CONSTRAINT uk_mail_invitation_kind UNIQUE (invitation_id, kind, notice_no);
