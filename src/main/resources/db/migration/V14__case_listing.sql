-- What the case list, the counts and the report choose cases by, as typed columns in a narrow table of its
-- own beside case_summary (one row per summary, written with it): a list of 50,000 cases then reads and
-- decrypts only these pages, not the stored states beside them. Derived data like the summaries: the
-- summaries' version changes with this migration, so every summary and listing is rebuilt from the entries
-- the first time this Resolve opens a database.
CREATE TABLE case_listing (
    case_id            UUID          NOT NULL PRIMARY KEY,
    -- who may see it (as case_summary)
    owner              VARCHAR(200)  NOT NULL,
    team               VARCHAR(200)  NOT NULL,
    shared_with        VARCHAR(4000) NOT NULL,
    policy_id          VARCHAR(64)   NOT NULL,
    sample             BOOLEAN       NOT NULL,
    -- NULL from here on for a case that could not be summarised (its procedure is not installed)
    policy_version     VARCHAR(64),
    track_id           VARCHAR(64),
    status             VARCHAR(16),
    stage              INT,
    last_stage         INT,
    highest_stage      INT,
    stage_heading      VARCHAR(1000),
    -- the child's reference and name (one per line): the only child-related text of the listing
    child_display      VARCHAR(4000),
    child_status       VARCHAR(40),
    raised_by          VARCHAR(1000),
    raised_agency      VARCHAR(1000),
    other_agency       VARCHAR(1000),
    other_professional VARCHAR(1000),
    category           VARCHAR(1000),
    immediate_risk     BOOLEAN,
    opened             TIMESTAMP(9) WITH TIME ZONE,
    written_at         TIMESTAMP(9) WITH TIME ZONE,
    -- deadlines as the last local (England and Wales) moment at which they are still met
    next_due           TIMESTAMP(9),
    first_unmet_due    TIMESTAMP(9),
    -- notifications not yet sent and forms not yet completed, one per line
    due_now            VARCHAR(8000),
    ended_at           TIMESTAMP(9) WITH TIME ZONE,
    ended_at_stage     INT,
    sample_outcome     VARCHAR(4000),
    -- CRC-32C of every column above, so that a list checks what it reads
    checksum           BIGINT        NOT NULL
);
CREATE INDEX case_listing_choice ON case_listing (sample, policy_id, opened);

-- the summary's own checksum also covers its listing's, so verify and the report see an edited listing
ALTER TABLE case_summary ADD COLUMN listing_checksum BIGINT;
