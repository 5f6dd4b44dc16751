-- What My escalations reads of every case (who may see it, and its listing), packed into 256 blocks by the
-- first byte of the case id: each block one compact binary value holding its cases' rows, the texts many
-- rows share (stage headings, agencies, procedures, teams) once, ids as 16 bytes and moments as numbers.
-- A list of 50,000 cases then decrypts about an eighth of the bytes of the case_listing rows, in large
-- sequential values. Derived from the same summaries as case_listing, written in the same transaction;
-- a block whose checksum or format does not match, or blocks that do not cover every summary, are made
-- again from case_listing at the next list ('resolve verify' compares them with the entries).
CREATE TABLE case_list_block (
    block    SMALLINT   NOT NULL PRIMARY KEY,
    cases    INT        NOT NULL,
    content  VARBINARY  NOT NULL,
    -- CRC-32C of the block number, its count of cases and its content
    checksum BIGINT     NOT NULL
);
