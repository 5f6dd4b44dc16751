-- The quarantine keeps each entry as it was received (its fields as JSON, child content still sealed
-- under its case's key) so that an administrator can re-check and release it, or discard it.
-- entry_digest: SHA-256 over every byte of the entry as received (null when it could not be opened);
-- kept_entry: null when it could not be opened or was larger than the quarantine keeps.
ALTER TABLE quarantine ADD COLUMN entry_digest VARCHAR(64);
ALTER TABLE quarantine ADD COLUMN kept_entry CLOB;

-- Entries an administrator discarded from the quarantine: a sync or import that offers the same bytes
-- again skips them (and counts it); a different version of the entry is set aside again.
-- entry_digest is '' for an entry that could not be opened.
CREATE TABLE quarantine_discarded (
    entry_id     UUID          NOT NULL,
    entry_digest VARCHAR(64)   NOT NULL,
    discarded_at VARCHAR(40)   NOT NULL,
    discarded_by VARCHAR(200)  NOT NULL,
    offered_again BIGINT       DEFAULT 0 NOT NULL,
    PRIMARY KEY (entry_id, entry_digest)
);
