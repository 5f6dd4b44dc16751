-- A document's bytes, kept apart from its entry so that opening, listing, projecting, verifying and
-- syncing a case never read them. The entry holds the document's SHA-256 (covered by the chain), so
-- the chain still proves these bytes; they are keyed by it, and read only when someone opens the file.
-- Entries written before this kept the bytes inside the entry (base64); those are read as they are.
CREATE TABLE attachment_content (
    sha256      VARCHAR(64)   NOT NULL PRIMARY KEY,
    size        BIGINT        NOT NULL,
    bytes       BINARY LARGE OBJECT NOT NULL
);
