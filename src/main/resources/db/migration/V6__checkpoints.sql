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
