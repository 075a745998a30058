-- The operator console (issue 12): the operator's browser sessions and the audit trail of what they did there.

-- A browser signed in with the admin token. Its own table rather than dashboard_session with a null
-- shop: an operator session opens no shop, and a shop's session must never be mistaken for one.
CREATE TABLE operator_session (
    id_hash      VARCHAR(64)              NOT NULL,
    -- who signed in, as they named themselves on the sign-in form (the token is shared), for the audit trail
    operator     VARCHAR(80)              NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at     TIMESTAMP WITH TIME ZONE,
    -- a keyed hash of the admin token it was opened with: a replaced token ends the sessions it opened
    token_digest VARCHAR(64)              NOT NULL,
    CONSTRAINT pk_operator_session PRIMARY KEY (id_hash)
);

-- Every decision and shop creation made in the console, written in the same transaction as the
-- change itself; only ever inserted.
CREATE SEQUENCE operator_action_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE operator_action (
    id         BIGINT                   NOT NULL,
    operator   VARCHAR(80)              NOT NULL,
    action     VARCHAR(20)              NOT NULL,
    shop_slug  VARCHAR(64)              NOT NULL,
    review_id  BIGINT,
    reason     VARCHAR(1000),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_operator_action PRIMARY KEY (id)
);
CREATE INDEX ix_operator_action_created ON operator_action (created_at, id);
