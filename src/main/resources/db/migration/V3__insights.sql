-- Insights: what unhappy customers complain about, and who is about to leave. Portable SQL.

-- What the classifier found in each review's current text.
ALTER TABLE review ADD COLUMN topics VARCHAR(200);
ALTER TABLE review ADD COLUMN churn_intent BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE review ADD COLUMN classifier_version VARCHAR(16);
CREATE INDEX ix_review_classifier_version ON review (classifier_version);

-- One row per topic of each published review, for drill-down lists by topic.
CREATE TABLE review_topic (
    review_id  BIGINT                   NOT NULL,
    topic      VARCHAR(24)              NOT NULL,
    shop_id    BIGINT                   NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_review_topic PRIMARY KEY (review_id, topic),
    CONSTRAINT fk_review_topic_review FOREIGN KEY (review_id) REFERENCES review (id),
    CONSTRAINT fk_review_topic_shop FOREIGN KEY (shop_id) REFERENCES shop (id)
);
CREATE INDEX ix_review_topic_shop ON review_topic (shop_id, topic, created_at);

-- Per shop, month and dimension ("*" for all reviews, a topic code, or "customer_service+delivery"
-- for reviews naming either): published reviews, negative ones (grade 5 or lower), and those
-- with churn intent. Insights read these rows, never the reviews.
CREATE TABLE insight_month (
    shop_id        BIGINT      NOT NULL,
    review_month   DATE        NOT NULL,
    dimension      VARCHAR(32) NOT NULL,
    all_count      BIGINT      NOT NULL,
    negative_count BIGINT      NOT NULL,
    churn_count    BIGINT      NOT NULL,
    CONSTRAINT pk_insight_month PRIMARY KEY (shop_id, review_month, dimension),
    CONSTRAINT fk_insight_month_shop FOREIGN KEY (shop_id) REFERENCES shop (id)
);
CREATE INDEX ix_insight_month_month ON insight_month (review_month, dimension);

-- Short-lived links to a shop's insights page, so a browser needs no API key.
CREATE TABLE access_link (
    token_hash VARCHAR(64)              NOT NULL,
    shop_id    BIGINT                   NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_access_link PRIMARY KEY (token_hash),
    CONSTRAINT fk_access_link_shop FOREIGN KEY (shop_id) REFERENCES shop (id)
);
