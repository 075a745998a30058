-- Addresses that asked for no mail from this service at all, for any shop (the unsubscribe page's
-- second choice). A table of its own: mail_opt_out's key includes the shop.
CREATE TABLE mail_opt_out_everywhere (
    email      VARCHAR(254)             NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_mail_opt_out_everywhere PRIMARY KEY (email)
);
