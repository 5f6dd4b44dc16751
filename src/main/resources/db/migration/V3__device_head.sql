-- The newest entry of each device's chain, kept beside the entries so that appending does not scan
-- every entry the device ever wrote. Derived data: it can always be rebuilt from the entries.
CREATE TABLE device_head (
    device      VARCHAR(64)   NOT NULL PRIMARY KEY,
    device_seq  BIGINT        NOT NULL,
    hash        VARCHAR(64)   NOT NULL
);
INSERT INTO device_head (device, device_seq, hash)
SELECT e.device, e.device_seq, e.hash FROM entry e
WHERE e.device_seq = (SELECT MAX(x.device_seq) FROM entry x WHERE x.device = e.device);
