-- What My escalations shows of each sealed case's child (reference, name, the professionals named), kept for
-- each person sealed under a key derived from their own private key, in 256 buckets by the first byte of the
-- case id: a list of 50,000 sealed cases then opens 256 small sealed values instead of unwrapping 50,000 case
-- keys. Derived data: a bucket that does not open (damaged, another person's, keys reset) is made again from
-- the cases' opening entries; 'resolve rebuild' empties the table.
CREATE TABLE list_cache (
    person   VARCHAR(200) NOT NULL,
    bucket   SMALLINT     NOT NULL,
    sealed   VARBINARY    NOT NULL,
    PRIMARY KEY (person, bucket)
);
