-- The newest head seen of every device's chain ('record') and of this database's audit log ('audit').
-- Checkpoints only move forward: a record later found shorter, or holding another entry at a
-- checkpoint's place, has lost or changed entries, and 'verify' says so.
CREATE TABLE checkpoint (
    chain       VARCHAR(16)   NOT NULL,
    device      VARCHAR(64)   NOT NULL,
    seq         BIGINT        NOT NULL,
    hash        VARCHAR(64)   NOT NULL,
    entry_id    UUID,
    author      VARCHAR(200),
    case_id     UUID,
    seen_at     VARCHAR(40)   NOT NULL,
    source      VARCHAR(40)   NOT NULL,
    PRIMARY KEY (chain, device)
);

-- Entries set aside by sync or import because they failed their checks (hash, chain): reported,
-- never merged, so one bad entry never stops the team. 'incoming' entries are not in this
-- database's record; 'outgoing' ones are this database's own, held back from the shared file.
CREATE TABLE quarantine (
    entry_id    UUID          NOT NULL,
    direction   VARCHAR(16)   NOT NULL,
    device      VARCHAR(64)   NOT NULL,
    device_seq  BIGINT        NOT NULL,
    author      VARCHAR(200)  NOT NULL,
    case_id     UUID          NOT NULL,
    type        VARCHAR(40)   NOT NULL,
    source      VARCHAR(200)  NOT NULL,
    reason      VARCHAR(500)  NOT NULL,
    found_at    VARCHAR(40)   NOT NULL,
    PRIMARY KEY (entry_id, direction)
);
