-- Portable SQL: the same script runs on H2 and PostgreSQL.
-- Identifiers come from sequences that hand out blocks of 50, so inserts need no round trip for ids.

CREATE SEQUENCE shop_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE shop (
    id           BIGINT                   NOT NULL,
    slug         VARCHAR(64)              NOT NULL,
    name         VARCHAR(200)             NOT NULL,
    website_url  VARCHAR(2048)            NOT NULL,
    locale       VARCHAR(8)               NOT NULL,
    api_key_hash VARCHAR(64)              NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_shop PRIMARY KEY (id),
    CONSTRAINT uk_shop_slug UNIQUE (slug),
    CONSTRAINT uk_shop_api_key_hash UNIQUE (api_key_hash)
);

-- A shop's all-time score. Every review write locks this row first (see ScoreService).
CREATE TABLE shop_score (
    shop_id       BIGINT                   NOT NULL,
    review_count  BIGINT                   NOT NULL,
    score_sum     BIGINT                   NOT NULL,
    recommend_yes BIGINT                   NOT NULL,
    recommend_no  BIGINT                   NOT NULL,
    grade_1       BIGINT                   NOT NULL,
    grade_2       BIGINT                   NOT NULL,
    grade_3       BIGINT                   NOT NULL,
    grade_4       BIGINT                   NOT NULL,
    grade_5       BIGINT                   NOT NULL,
    grade_6       BIGINT                   NOT NULL,
    grade_7       BIGINT                   NOT NULL,
    grade_8       BIGINT                   NOT NULL,
    grade_9       BIGINT                   NOT NULL,
    grade_10      BIGINT                   NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_shop_score PRIMARY KEY (shop_id),
    CONSTRAINT fk_shop_score_shop FOREIGN KEY (shop_id) REFERENCES shop (id)
);

-- One row per shop and UTC day with reviews: "last 12 months" sums at most 365 rows.
CREATE TABLE score_day (
    shop_id       BIGINT NOT NULL,
    review_day    DATE   NOT NULL,
    review_count  BIGINT NOT NULL,
    score_sum     BIGINT NOT NULL,
    recommend_yes BIGINT NOT NULL,
    recommend_no  BIGINT NOT NULL,
    CONSTRAINT pk_score_day PRIMARY KEY (shop_id, review_day),
    CONSTRAINT fk_score_day_shop FOREIGN KEY (shop_id) REFERENCES shop (id)
);

CREATE SEQUENCE invitation_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE invitation (
    id            BIGINT                   NOT NULL,
    shop_id       BIGINT                   NOT NULL,
    order_ref     VARCHAR(100)             NOT NULL,
    email         VARCHAR(254)             NOT NULL,
    customer_name VARCHAR(100),
    locale        VARCHAR(8)               NOT NULL,
    token         VARCHAR(64)              NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    reviewed_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_invitation PRIMARY KEY (id),
    CONSTRAINT fk_invitation_shop FOREIGN KEY (shop_id) REFERENCES shop (id),
    -- One invitation per order: retries and races get the first one back.
    CONSTRAINT uk_invitation_order UNIQUE (shop_id, order_ref),
    CONSTRAINT uk_invitation_token UNIQUE (token)
);

CREATE INDEX ix_invitation_shop_created ON invitation (shop_id, created_at);

CREATE SEQUENCE review_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE review (
    id                  BIGINT                   NOT NULL,
    shop_id             BIGINT                   NOT NULL,
    invitation_id       BIGINT                   NOT NULL,
    score               INTEGER                  NOT NULL,
    title               VARCHAR(200),
    body                VARCHAR(5000)            NOT NULL,
    display_name        VARCHAR(60),
    recommend           BOOLEAN,
    verified            BOOLEAN                  NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE,
    response_text       VARCHAR(5000),
    response_created_at TIMESTAMP WITH TIME ZONE,
    response_updated_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_review PRIMARY KEY (id),
    CONSTRAINT fk_review_shop FOREIGN KEY (shop_id) REFERENCES shop (id),
    CONSTRAINT fk_review_invitation FOREIGN KEY (invitation_id) REFERENCES invitation (id),
    -- One review per invitation, enforced here whatever the application does.
    CONSTRAINT uk_review_invitation UNIQUE (invitation_id),
    CONSTRAINT ck_review_score CHECK (score BETWEEN 1 AND 10)
);

-- Public listing: a shop's reviews, newest first.
CREATE INDEX ix_review_shop_created ON review (shop_id, created_at, id);
