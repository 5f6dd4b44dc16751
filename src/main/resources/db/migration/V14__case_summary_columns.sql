-- What the case list, the counts and the report filter on, as typed columns of the case summary, so that
-- they are read (and filtered) as columns instead of by parsing each case's stored state. Derived data
-- like the rest of the row: rows written before this version hold NULL here, and the summaries' version
-- changes with it, so every summary is rebuilt from the entries the first time this Resolve opens them.
ALTER TABLE case_summary ADD COLUMN policy_version     VARCHAR(64);
ALTER TABLE case_summary ADD COLUMN track_id           VARCHAR(64);
ALTER TABLE case_summary ADD COLUMN status             VARCHAR(16);
ALTER TABLE case_summary ADD COLUMN stage              INT;
ALTER TABLE case_summary ADD COLUMN last_stage         INT;
ALTER TABLE case_summary ADD COLUMN highest_stage      INT;
ALTER TABLE case_summary ADD COLUMN stage_heading      VARCHAR(1000);
-- the child's reference and name (one per line): the only child-related text of the listing
ALTER TABLE case_summary ADD COLUMN child_display      VARCHAR(4000);
ALTER TABLE case_summary ADD COLUMN child_status       VARCHAR(40);
ALTER TABLE case_summary ADD COLUMN raised_by          VARCHAR(1000);
ALTER TABLE case_summary ADD COLUMN raised_agency      VARCHAR(1000);
ALTER TABLE case_summary ADD COLUMN other_agency       VARCHAR(1000);
ALTER TABLE case_summary ADD COLUMN other_professional VARCHAR(1000);
ALTER TABLE case_summary ADD COLUMN category           VARCHAR(1000);
ALTER TABLE case_summary ADD COLUMN immediate_risk     BOOLEAN;
ALTER TABLE case_summary ADD COLUMN opened             TIMESTAMP(9) WITH TIME ZONE;
ALTER TABLE case_summary ADD COLUMN written_at         TIMESTAMP(9) WITH TIME ZONE;
-- deadlines as the last local (England and Wales) moment at which they are still met
ALTER TABLE case_summary ADD COLUMN next_due           TIMESTAMP(9);
ALTER TABLE case_summary ADD COLUMN first_unmet_due    TIMESTAMP(9);
-- notifications not yet sent and forms not yet completed, one per line
ALTER TABLE case_summary ADD COLUMN due_now            VARCHAR(8000);
ALTER TABLE case_summary ADD COLUMN ended_at           TIMESTAMP(9) WITH TIME ZONE;
ALTER TABLE case_summary ADD COLUMN ended_at_stage     INT;
ALTER TABLE case_summary ADD COLUMN sample_outcome     VARCHAR(4000);
-- CRC-32C of the columns a list reads (owner, team, shared_with and those above), checked without reading the rest
ALTER TABLE case_summary ADD COLUMN listing_checksum   BIGINT;
CREATE INDEX case_summary_status_due ON case_summary (status, first_unmet_due);
