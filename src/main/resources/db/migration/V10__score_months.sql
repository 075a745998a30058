-- One row per shop and UTC calendar month (keyed by its first day), the sum of that month's score_day
-- rows: "last 12 months" reads about a dozen month rows plus at most 15 day rows at the window's oldest
-- edge, instead of up to 365 day rows. Written with the day rows, under the shop's score-row lock.
CREATE TABLE score_month (
    shop_id            BIGINT NOT NULL,
    review_month       DATE   NOT NULL,
    review_count       BIGINT NOT NULL,
    score_sum          BIGINT NOT NULL,
    recommend_yes      BIGINT NOT NULL,
    recommend_no       BIGINT NOT NULL,
    negative_count     BIGINT NOT NULL,
    negative_responded BIGINT NOT NULL,
    CONSTRAINT pk_score_month PRIMARY KEY (shop_id, review_month),
    CONSTRAINT fk_score_month_shop FOREIGN KEY (shop_id) REFERENCES shop (id)
);

-- The response_delay_day rows of a month added up, for the median response time of the same window.
CREATE TABLE response_delay_month (
    shop_id        BIGINT  NOT NULL,
    review_month   DATE    NOT NULL,
    delay_bucket   INTEGER NOT NULL,
    response_count BIGINT  NOT NULL,
    CONSTRAINT pk_response_delay_month PRIMARY KEY (shop_id, review_month, delay_bucket),
    CONSTRAINT fk_response_delay_month_shop FOREIGN KEY (shop_id) REFERENCES shop (id)
);

INSERT INTO score_month (shop_id, review_month, review_count, score_sum, recommend_yes, recommend_no,
                         negative_count, negative_responded)
SELECT shop_id, CAST(DATE_TRUNC('month', review_day) AS DATE), SUM(review_count), SUM(score_sum),
       SUM(recommend_yes), SUM(recommend_no), SUM(negative_count), SUM(negative_responded)
FROM score_day
GROUP BY shop_id, CAST(DATE_TRUNC('month', review_day) AS DATE);

INSERT INTO response_delay_month (shop_id, review_month, delay_bucket, response_count)
SELECT shop_id, CAST(DATE_TRUNC('month', review_day) AS DATE), delay_bucket, SUM(response_count)
FROM response_delay_day
GROUP BY shop_id, CAST(DATE_TRUNC('month', review_day) AS DATE), delay_bucket;
