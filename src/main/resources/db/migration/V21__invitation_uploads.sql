-- The dashboard's invitations page (issue 12): a CSV of orders uploaded as a job, so that a large
-- file shows its progress. The rows themselves are never stored here (they hold customers'
-- addresses); only the counts, the outcome and what was wrong with which line.
CREATE SEQUENCE invitation_upload_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE invitation_upload (
    id            BIGINT                   NOT NULL,
    shop_id       BIGINT                   NOT NULL,
    file_name     VARCHAR(255)             NOT NULL,
    state         VARCHAR(12)              NOT NULL,
    total_rows    INTEGER                  NOT NULL,
    done_rows     INTEGER                  NOT NULL,
    invited       INTEGER                  NOT NULL,
    already       INTEGER                  NOT NULL,
    problem_count INTEGER                  NOT NULL,
    outcome       VARCHAR(500),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_invitation_upload PRIMARY KEY (id),
    CONSTRAINT fk_invitation_upload_shop FOREIGN KEY (shop_id) REFERENCES shop (id)
);
CREATE INDEX ix_invitation_upload_shop ON invitation_upload (shop_id, created_at);

-- What was wrong with a rejected upload, by line and column (the first ones, see InvitationUpload).
CREATE TABLE invitation_upload_problem (
    upload_id BIGINT       NOT NULL,
    position  INTEGER      NOT NULL,
    line      INTEGER      NOT NULL,
    field     VARCHAR(40)  NOT NULL,
    message   VARCHAR(500) NOT NULL,
    CONSTRAINT pk_invitation_upload_problem PRIMARY KEY (upload_id, position),
    CONSTRAINT fk_invitation_upload_problem FOREIGN KEY (upload_id) REFERENCES invitation_upload (id)
);
