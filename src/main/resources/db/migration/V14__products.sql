-- Products: a catalogue per shop, the products of each invitation, the customers' grades of them,
-- and running product scores kept like shop scores (moved under the shop's score-row lock).
-- Portable SQL: the same script runs on H2 and PostgreSQL.

CREATE SEQUENCE product_seq START WITH 1 INCREMENT BY 50;

-- A shop's product, by its own SKU; name and details follow the newest invitation that names it.
CREATE TABLE product (
    id         BIGINT                   NOT NULL,
    shop_id    BIGINT                   NOT NULL,
    sku        VARCHAR(64)              NOT NULL,
    name       VARCHAR(200)             NOT NULL,
    url        VARCHAR(2048),
    gtin       VARCHAR(14),
    mpn        VARCHAR(70),
    brand      VARCHAR(100),
    image_url  VARCHAR(2048),
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_product PRIMARY KEY (id),
    CONSTRAINT uk_product_shop_sku UNIQUE (shop_id, sku),
    CONSTRAINT fk_product_shop FOREIGN KEY (shop_id) REFERENCES shop (id)
);

-- The products of one invitation's order, in the order the shop listed them.
CREATE TABLE invitation_product (
    invitation_id BIGINT  NOT NULL,
    position      INTEGER NOT NULL,
    product_id    BIGINT  NOT NULL,
    CONSTRAINT pk_invitation_product PRIMARY KEY (invitation_id, position),
    CONSTRAINT uk_invitation_product UNIQUE (invitation_id, product_id),
    CONSTRAINT fk_invitation_product_invitation FOREIGN KEY (invitation_id) REFERENCES invitation (id),
    CONSTRAINT fk_invitation_product_product FOREIGN KEY (product_id) REFERENCES product (id)
);

CREATE SEQUENCE product_review_seq START WITH 1 INCREMENT BY 50;

-- A customer's grade of one product of their order, part of their review: it shares the review's state.
CREATE TABLE product_review (
    id         BIGINT        NOT NULL,
    review_id  BIGINT        NOT NULL,
    product_id BIGINT        NOT NULL,
    score      INTEGER       NOT NULL,
    body       VARCHAR(2000),
    CONSTRAINT pk_product_review PRIMARY KEY (id),
    CONSTRAINT uk_product_review UNIQUE (review_id, product_id),
    CONSTRAINT fk_product_review_review FOREIGN KEY (review_id) REFERENCES review (id),
    CONSTRAINT fk_product_review_product FOREIGN KEY (product_id) REFERENCES product (id)
);

CREATE INDEX ix_product_review_product ON product_review (product_id);

-- A product's all-time score, moved in the same transaction as its shop's score.
CREATE TABLE product_score (
    product_id   BIGINT                   NOT NULL,
    shop_id      BIGINT                   NOT NULL,
    review_count BIGINT                   NOT NULL,
    score_sum    BIGINT                   NOT NULL,
    grade_1      BIGINT                   NOT NULL,
    grade_2      BIGINT                   NOT NULL,
    grade_3      BIGINT                   NOT NULL,
    grade_4      BIGINT                   NOT NULL,
    grade_5      BIGINT                   NOT NULL,
    grade_6      BIGINT                   NOT NULL,
    grade_7      BIGINT                   NOT NULL,
    grade_8      BIGINT                   NOT NULL,
    grade_9      BIGINT                   NOT NULL,
    grade_10     BIGINT                   NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_product_score PRIMARY KEY (product_id),
    CONSTRAINT fk_product_score_product FOREIGN KEY (product_id) REFERENCES product (id),
    CONSTRAINT fk_product_score_shop FOREIGN KEY (shop_id) REFERENCES shop (id)
);

-- Per product and UTC day / calendar month, for "last 12 months" as the shop score reads it.
CREATE TABLE product_score_day (
    product_id   BIGINT NOT NULL,
    review_day   DATE   NOT NULL,
    review_count BIGINT NOT NULL,
    score_sum    BIGINT NOT NULL,
    CONSTRAINT pk_product_score_day PRIMARY KEY (product_id, review_day),
    CONSTRAINT fk_product_score_day_product FOREIGN KEY (product_id) REFERENCES product (id)
);

CREATE TABLE product_score_month (
    product_id   BIGINT NOT NULL,
    review_month DATE   NOT NULL,
    review_count BIGINT NOT NULL,
    score_sum    BIGINT NOT NULL,
    CONSTRAINT pk_product_score_month PRIMARY KEY (product_id, review_month),
    CONSTRAINT fk_product_score_month_product FOREIGN KEY (product_id) REFERENCES product (id)
);
