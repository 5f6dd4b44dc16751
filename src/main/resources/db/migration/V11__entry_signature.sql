-- Every entry is signed by its author (Ed25519 over its hash; decision 0011). The signature is not
-- covered by the hash, so it is kept beside it. Entries written before signing began are marked as
-- such: they are still checked by hash and chain, and 'verify' counts them in a note.
ALTER TABLE entry ADD COLUMN signature VARCHAR(200) NOT NULL DEFAULT 'unsigned-before-keys';
-- The people's key registrations are read at each sign-in and each sync: find them without a scan.
CREATE INDEX entry_type ON entry (type);
