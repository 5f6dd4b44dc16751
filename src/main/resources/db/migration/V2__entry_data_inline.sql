-- Entry content read back as a large object was fifty times slower to read than inline text;
-- entries are small, so keep their content inline (up to a million characters).
ALTER TABLE entry ALTER COLUMN data SET DATA TYPE CHARACTER VARYING(1000000);
