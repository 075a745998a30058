-- Gives the shop '@SLUG@' @COUNT@ reviews spread over two years, as if they had come through the API:
-- an invitation per review, and the score totals, daily and monthly buckets the service keeps. For the
-- benchmark of score latency against the number of reviews (PostgreSQL dialect; see the .h2.sql twin).
-- Ids start far above what the service's sequences will reach; @BLOCK@ keeps two seeded shops apart.
INSERT INTO invitation (id, shop_id, order_ref, email, customer_name, locale, token, created_at, send_at, expires_at, reviewed_at)
SELECT 1000000000000 + @BLOCK@ * 10000000 + X, (SELECT id FROM shop WHERE slug = '@SLUG@'), 'seed-' || X, 'seed@example.com', NULL, 'nl',
       'seed' || @BLOCK@ || '-' || LPAD(CAST(X AS TEXT), 30, '0'),
       now() - MOD(X, 730) * interval '1 day', now() - MOD(X, 730) * interval '1 day',
       now() + (90 - MOD(X, 730)) * interval '1 day',
       now() - MOD(X, 730) * interval '1 day'
FROM generate_series(1, @COUNT@) AS series(X);

INSERT INTO review (id, shop_id, invitation_id, score, title, body, display_name, recommend, verified, created_at,
                    topics, classifier_version)
SELECT 1000000000000 + @BLOCK@ * 10000000 + X, (SELECT id FROM shop WHERE slug = '@SLUG@'), 1000000000000 + @BLOCK@ * 10000000 + X,
       1 + MOD(X * 7, 10), NULL, 'Seeded review ' || X, NULL, MOD(X, 3) <> 0, TRUE,
       now() - MOD(X, 730) * interval '1 day',
       '', '@CLASSIFIER_VERSION@'
FROM generate_series(1, @COUNT@) AS series(X);

UPDATE shop_score SET (review_count, score_sum, recommend_yes, recommend_no,
        grade_1, grade_2, grade_3, grade_4, grade_5, grade_6, grade_7, grade_8, grade_9, grade_10) =
    (SELECT COUNT(*), SUM(score), SUM(CASE WHEN recommend THEN 1 ELSE 0 END), SUM(CASE WHEN NOT recommend THEN 1 ELSE 0 END),
            SUM(CASE WHEN score = 1 THEN 1 ELSE 0 END), SUM(CASE WHEN score = 2 THEN 1 ELSE 0 END),
            SUM(CASE WHEN score = 3 THEN 1 ELSE 0 END), SUM(CASE WHEN score = 4 THEN 1 ELSE 0 END),
            SUM(CASE WHEN score = 5 THEN 1 ELSE 0 END), SUM(CASE WHEN score = 6 THEN 1 ELSE 0 END),
            SUM(CASE WHEN score = 7 THEN 1 ELSE 0 END), SUM(CASE WHEN score = 8 THEN 1 ELSE 0 END),
            SUM(CASE WHEN score = 9 THEN 1 ELSE 0 END), SUM(CASE WHEN score = 10 THEN 1 ELSE 0 END)
     FROM review WHERE shop_id = (SELECT id FROM shop WHERE slug = '@SLUG@'))
WHERE shop_id = (SELECT id FROM shop WHERE slug = '@SLUG@');

DELETE FROM score_day WHERE shop_id = (SELECT id FROM shop WHERE slug = '@SLUG@');
INSERT INTO score_day (shop_id, review_day, review_count, score_sum, recommend_yes, recommend_no, negative_count)
SELECT shop_id, CAST(created_at AT TIME ZONE 'UTC' AS DATE), COUNT(*), SUM(score),
       SUM(CASE WHEN recommend THEN 1 ELSE 0 END), SUM(CASE WHEN NOT recommend THEN 1 ELSE 0 END),
       SUM(CASE WHEN score <= 5 THEN 1 ELSE 0 END)
FROM review WHERE shop_id = (SELECT id FROM shop WHERE slug = '@SLUG@')
GROUP BY shop_id, CAST(created_at AT TIME ZONE 'UTC' AS DATE);

DELETE FROM score_month WHERE shop_id = (SELECT id FROM shop WHERE slug = '@SLUG@');
INSERT INTO score_month (shop_id, review_month, review_count, score_sum, recommend_yes, recommend_no, negative_count,
                         negative_responded)
SELECT shop_id, CAST(DATE_TRUNC('month', review_day) AS DATE), SUM(review_count), SUM(score_sum), SUM(recommend_yes),
       SUM(recommend_no), SUM(negative_count), SUM(negative_responded)
FROM score_day WHERE shop_id = (SELECT id FROM shop WHERE slug = '@SLUG@')
GROUP BY shop_id, CAST(DATE_TRUNC('month', review_day) AS DATE);
