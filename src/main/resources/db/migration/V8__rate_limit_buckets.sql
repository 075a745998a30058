-- Rate limit buckets shared by all instances on PostgreSQL (Bucket4j's JDBC layout: the bucket's
-- serialised state, and when it would be full again so that it can be dropped). On H2, which
-- serves one instance, the buckets stay in memory and this table stays empty.
CREATE TABLE rate_limit_bucket (
    id         VARCHAR(200) NOT NULL,
    state      BYTEA,
    expires_at BIGINT,
    CONSTRAINT pk_rate_limit_bucket PRIMARY KEY (id)
);
CREATE INDEX ix_rate_limit_bucket_expires ON rate_limit_bucket (expires_at);
