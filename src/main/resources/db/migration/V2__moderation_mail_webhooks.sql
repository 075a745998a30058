-- Closing the loop: moderation, kept versions, invitation mails with reminders and opt-outs,
-- webhooks, and the response figures of the score. Portable SQL (H2 and PostgreSQL).

-- Moderation: only published reviews count and show.
ALTER TABLE review ADD COLUMN status VARCHAR(16) DEFAULT 'PUBLISHED' NOT NULL;
ALTER TABLE review ADD COLUMN held_because VARCHAR(100);
ALTER TABLE review ADD COLUMN removal_reason VARCHAR(500);
ALTER TABLE review ADD COLUMN removed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE review ADD COLUMN version INTEGER DEFAULT 1 NOT NULL;
DROP INDEX ix_review_shop_created;
CREATE INDEX ix_review_shop_status_created ON review (shop_id, status, created_at, id);
CREATE INDEX ix_review_status ON review (status);

-- Every earlier text of a review, kept when its author changes it.
CREATE TABLE review_version (
    review_id    BIGINT                   NOT NULL,
    version      INTEGER                  NOT NULL,
    score        INTEGER                  NOT NULL,
    title        VARCHAR(200),
    body         VARCHAR(5000)            NOT NULL,
    display_name VARCHAR(60),
    recommend    BOOLEAN,
    written_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    replaced_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_review_version PRIMARY KEY (review_id, version),
    CONSTRAINT fk_review_version_review FOREIGN KEY (review_id) REFERENCES review (id)
);

CREATE SEQUENCE review_report_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE review_report (
    id          BIGINT                   NOT NULL,
    review_id   BIGINT                   NOT NULL,
    reason      VARCHAR(32)              NOT NULL,
    comment     VARCHAR(1000),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    resolved_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_review_report PRIMARY KEY (id),
    CONSTRAINT fk_review_report_review FOREIGN KEY (review_id) REFERENCES review (id)
);
CREATE INDEX ix_review_report_open ON review_report (resolved_at, review_id);

-- Who decided what about a review, and when: never updated, only added to.
CREATE SEQUENCE moderation_event_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE moderation_event (
    id         BIGINT                   NOT NULL,
    review_id  BIGINT                   NOT NULL,
    actor      VARCHAR(80)              NOT NULL,
    action     VARCHAR(16)              NOT NULL,
    reason     VARCHAR(1000),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_moderation_event PRIMARY KEY (id),
    CONSTRAINT fk_moderation_event_review FOREIGN KEY (review_id) REFERENCES review (id)
);
CREATE INDEX ix_moderation_event_review ON moderation_event (review_id, created_at);

-- A shop's choices about mails and notifications.
ALTER TABLE shop ADD COLUMN contact_email VARCHAR(254);
ALTER TABLE shop ADD COLUMN invitation_delay_days INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE shop ADD COLUMN reminder_after_days INTEGER;

ALTER TABLE invitation ADD COLUMN send_at TIMESTAMP WITH TIME ZONE;
UPDATE invitation SET send_at = created_at;
ALTER TABLE invitation ALTER COLUMN send_at SET NOT NULL;

-- The mail outbox: every mail is a row first, claimed by one sender before it goes out.
CREATE SEQUENCE mail_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE mail (
    id              BIGINT                   NOT NULL,
    kind            VARCHAR(24)              NOT NULL,
    shop_id         BIGINT                   NOT NULL,
    invitation_id   BIGINT                   NOT NULL,
    recipient       VARCHAR(254)             NOT NULL,
    locale          VARCHAR(8)               NOT NULL,
    state           VARCHAR(12)              NOT NULL,
    due_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts        INTEGER                  NOT NULL,
    claim_token     VARCHAR(40),
    claimed_until   TIMESTAMP WITH TIME ZONE,
    sent_at         TIMESTAMP WITH TIME ZONE,
    last_error      VARCHAR(500),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_mail PRIMARY KEY (id),
    CONSTRAINT fk_mail_shop FOREIGN KEY (shop_id) REFERENCES shop (id),
    CONSTRAINT fk_mail_invitation FOREIGN KEY (invitation_id) REFERENCES invitation (id),
    -- one mail of each kind per invitation: never a second invitation, reminder or notice
    CONSTRAINT uk_mail_invitation_kind UNIQUE (invitation_id, kind)
);
CREATE INDEX ix_mail_due ON mail (state, next_attempt_at);

-- Addresses that asked a shop for no more mail.
CREATE TABLE mail_opt_out (
    shop_id    BIGINT                   NOT NULL,
    email      VARCHAR(254)             NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_mail_opt_out PRIMARY KEY (shop_id, email),
    CONSTRAINT fk_mail_opt_out_shop FOREIGN KEY (shop_id) REFERENCES shop (id)
);

-- Webhooks: one endpoint per shop, every delivery logged.
CREATE TABLE webhook (
    shop_id    BIGINT                   NOT NULL,
    url        VARCHAR(2048)            NOT NULL,
    secret     VARCHAR(80)              NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_webhook PRIMARY KEY (shop_id),
    CONSTRAINT fk_webhook_shop FOREIGN KEY (shop_id) REFERENCES shop (id)
);

CREATE SEQUENCE webhook_delivery_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE webhook_delivery (
    id              BIGINT                   NOT NULL,
    shop_id         BIGINT                   NOT NULL,
    event_id        VARCHAR(40)              NOT NULL,
    event_type      VARCHAR(32)              NOT NULL,
    review_id       BIGINT                   NOT NULL,
    payload         VARCHAR(65535)           NOT NULL,
    state           VARCHAR(12)              NOT NULL,
    attempts        INTEGER                  NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    claim_token     VARCHAR(40),
    claimed_until   TIMESTAMP WITH TIME ZONE,
    last_status     INTEGER,
    last_error      VARCHAR(500),
    delivered_at    TIMESTAMP WITH TIME ZONE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_webhook_delivery PRIMARY KEY (id),
    CONSTRAINT fk_webhook_delivery_shop FOREIGN KEY (shop_id) REFERENCES shop (id),
    CONSTRAINT uk_webhook_delivery_event UNIQUE (event_id)
);
CREATE INDEX ix_webhook_delivery_due ON webhook_delivery (state, next_attempt_at);
CREATE INDEX ix_webhook_delivery_shop ON webhook_delivery (shop_id, created_at);

CREATE TABLE webhook_attempt (
    delivery_id  BIGINT                   NOT NULL,
    attempt      INTEGER                  NOT NULL,
    attempted_at TIMESTAMP WITH TIME ZONE NOT NULL,
    status_code  INTEGER,
    error        VARCHAR(500),
    duration_ms  INTEGER                  NOT NULL,
    CONSTRAINT pk_webhook_attempt PRIMARY KEY (delivery_id, attempt),
    CONSTRAINT fk_webhook_attempt_delivery FOREIGN KEY (delivery_id) REFERENCES webhook_delivery (id)
);

-- Response figures: how many negative reviews (grade 5 or lower) a day brought, how many got a
-- response, and how long the responses took, in buckets, so "last 12 months" needs no scan.
ALTER TABLE score_day ADD COLUMN negative_count BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE score_day ADD COLUMN negative_responded BIGINT DEFAULT 0 NOT NULL;

CREATE TABLE response_delay_day (
    shop_id      BIGINT  NOT NULL,
    review_day   DATE    NOT NULL,
    delay_bucket INTEGER NOT NULL,
    response_count BIGINT NOT NULL,
    CONSTRAINT pk_response_delay_day PRIMARY KEY (shop_id, review_day, delay_bucket),
    CONSTRAINT fk_response_delay_day_shop FOREIGN KEY (shop_id) REFERENCES shop (id)
);
