-- Orders in from shop platforms (WooCommerce, Shopify). Portable SQL: H2 and PostgreSQL.

CREATE SEQUENCE connector_seq START WITH 1 INCREMENT BY 50;

-- A shop's link to one platform: the signing secret the platform shows (encrypted, see
-- ConnectorSecrets) and the order status that invites the customer.
CREATE TABLE connector (
    id         BIGINT                   NOT NULL,
    shop_id    BIGINT                   NOT NULL,
    platform   VARCHAR(16)              NOT NULL,
    secret     VARCHAR(600)             NOT NULL,
    invite_on  VARCHAR(50)              NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_connector PRIMARY KEY (id),
    CONSTRAINT fk_connector_shop FOREIGN KEY (shop_id) REFERENCES shop (id),
    CONSTRAINT uk_connector_shop_platform UNIQUE (shop_id, platform)
);

CREATE SEQUENCE connector_order_seq START WITH 1 INCREMENT BY 50;

-- The platform orders that made an invitation: a later delivery of the same order (a retry, an
-- update, another topic) finds its row and invites nobody. Deliveries that did not invite leave no
-- row, so they never block a later one that should. The invitation is named by id only: erasing
-- or purging invitations never has to look here.
CREATE TABLE connector_order (
    id            BIGINT                   NOT NULL,
    shop_id       BIGINT                   NOT NULL,
    platform      VARCHAR(16)              NOT NULL,
    order_id      VARCHAR(40)              NOT NULL,
    invitation_id BIGINT                   NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_connector_order PRIMARY KEY (id),
    CONSTRAINT fk_connector_order_shop FOREIGN KEY (shop_id) REFERENCES shop (id),
    CONSTRAINT uk_connector_order UNIQUE (shop_id, platform, order_id)
);
