-- Read models: derived data, never a source of truth. One row per case, made by the same projection
-- that opening a case uses, kept in the same transaction as the entries, and rebuilt from them whenever
-- its version or its bookkeeping disagrees with the entry table ('resolve rebuild' does it on demand).
CREATE TABLE case_summary (
    case_id        UUID          NOT NULL PRIMARY KEY,
    -- who may see it (the owner, their team, those it is shared with, one per line)
    owner          VARCHAR(200)  NOT NULL,
    team           VARCHAR(200)  NOT NULL,
    shared_with    VARCHAR(4000) NOT NULL,
    -- what the report filters on before reading the rest
    policy_id      VARCHAR(64)   NOT NULL,
    opened_at      VARCHAR(40)   NOT NULL,
    sample         BOOLEAN       NOT NULL,
    -- the projected state (without its record), or NULL when it could not be made here
    -- (its procedure is not installed): such a case is worked out from its entries when read
    state          CHARACTER VARYING(1000000),
    -- the few entries the report reads (discussions, completed forms)
    report_entries CHARACTER VARYING(1000000),
    -- CRC-32C of the columns above, so that a row edited outside Resolve is noticed and rebuilt
    checksum       BIGINT        NOT NULL
);

-- What the summaries were made from: the projection's version, and how many entries they cover.
CREATE TABLE read_model (
    name        VARCHAR(64)   NOT NULL PRIMARY KEY,
    version     VARCHAR(400)  NOT NULL,
    entries     BIGINT        NOT NULL
);
