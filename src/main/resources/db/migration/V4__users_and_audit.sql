-- People who may sign in to this database and what they do. Their wrapped keys live in the key file
-- beside the database; what they may do lives here, inside the encryption.
CREATE TABLE app_user (
    name         VARCHAR(64)   NOT NULL PRIMARY KEY,
    full_name    VARCHAR(200),
    role         VARCHAR(32)   NOT NULL,
    team         VARCHAR(200)  NOT NULL DEFAULT '',
    active       BOOLEAN       NOT NULL DEFAULT TRUE,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by   VARCHAR(64)   NOT NULL
);

-- Who did what: append-only and hash-chained like the case record (each row's hash covers the row
-- and the previous row's hash), so that an edited or deleted row breaks the chain.
CREATE TABLE audit_event (
    seq          BIGINT        NOT NULL PRIMARY KEY,
    at           TIMESTAMP WITH TIME ZONE NOT NULL,
    actor        VARCHAR(64)   NOT NULL,
    action       VARCHAR(40)   NOT NULL,
    subject      VARCHAR(200)  NOT NULL DEFAULT '',
    detail       VARCHAR(2000) NOT NULL DEFAULT '',
    prev_hash    VARCHAR(64)   NOT NULL,
    hash         VARCHAR(64)   NOT NULL
);
