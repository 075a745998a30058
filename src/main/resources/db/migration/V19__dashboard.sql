-- The dashboard (issue 12): who may sign in for a shop, single-use sign-in links and sessions.

-- A shop's colleagues, by address (trimmed, lower case). The shop's contact address is a member
-- without a row here.
CREATE SEQUENCE shop_member_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE shop_member (
    id       BIGINT                   NOT NULL,
    shop_id  BIGINT                   NOT NULL,
    email    VARCHAR(254)             NOT NULL,
    added_by VARCHAR(254)             NOT NULL,
    added_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_shop_member PRIMARY KEY (id),
    CONSTRAINT fk_shop_member_shop FOREIGN KEY (shop_id) REFERENCES shop (id),
    CONSTRAINT uk_shop_member UNIQUE (shop_id, email)
);
CREATE INDEX ix_shop_member_email ON shop_member (email);

-- A link mailed to a member: only the SHA-256 digest of its token is kept; used once, then spent.
CREATE SEQUENCE sign_in_link_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE sign_in_link (
    id         BIGINT                   NOT NULL,
    shop_id    BIGINT                   NOT NULL,
    email      VARCHAR(254)             NOT NULL,
    token_hash VARCHAR(64)              NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_sign_in_link PRIMARY KEY (id),
    CONSTRAINT fk_sign_in_link_shop FOREIGN KEY (shop_id) REFERENCES shop (id),
    CONSTRAINT uk_sign_in_link_token UNIQUE (token_hash)
);

-- A signed-in browser. The cookie is signed and names this row by the digest of its id, so that
-- any instance can check it and signing out ends it everywhere.
CREATE TABLE dashboard_session (
    id_hash      VARCHAR(64)              NOT NULL,
    shop_id      BIGINT                   NOT NULL,
    member       VARCHAR(254)             NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at     TIMESTAMP WITH TIME ZONE,
    -- for a sign-in with the shop's API key: the digest of the key's hash it was opened with, so that
    -- rotating the key ends it
    api_key_digest VARCHAR(64),
    CONSTRAINT pk_dashboard_session PRIMARY KEY (id_hash),
    CONSTRAINT fk_dashboard_session_shop FOREIGN KEY (shop_id) REFERENCES shop (id)
);
CREATE INDEX ix_dashboard_session_member ON dashboard_session (shop_id, member);

-- Mails to a shop's members are about no invitation: they name the sign-in link or membership.
ALTER TABLE mail ALTER COLUMN invitation_id DROP NOT NULL;
ALTER TABLE mail ADD COLUMN subject_id BIGINT;
