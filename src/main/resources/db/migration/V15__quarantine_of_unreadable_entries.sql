-- An entry whose sealed bytes on a server were altered cannot be opened: it is quarantined with its
-- id and the device it was filed under, and no case (nor author) can be read from it.
ALTER TABLE quarantine ALTER COLUMN case_id SET NULL;
