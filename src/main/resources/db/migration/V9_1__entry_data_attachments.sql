-- A document on the record travels inside its entry (base64), up to 25 MB a file: about 35 million
-- characters. Kept inline like other entries.
ALTER TABLE entry ALTER COLUMN data SET DATA TYPE CHARACTER VARYING(40000000);
