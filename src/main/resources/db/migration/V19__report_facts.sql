-- What the partnership report needs of each case, as typed columns (report_case) and one row per stage visit
-- (report_stage), written in the same transaction as the case's summary (V7, V14) and rebuilt with it: a
-- report over 50,000 cases reads these narrow rows instead of parsing every stored state. Derived data,
-- never a source of truth. Only what a case's readable fields say: no sealed content, no board free text
-- (a case with learning or procedure feedback is marked board_text and read through the report's own path).
CREATE TABLE report_case (
    case_id             UUID          NOT NULL PRIMARY KEY,
    policy_id           VARCHAR(64)   NOT NULL,
    policy_version      VARCHAR(64)   NOT NULL,
    track_id            VARCHAR(64),
    status              VARCHAR(16)   NOT NULL,
    sample              BOOLEAN       NOT NULL,
    opened              TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    stage               INT           NOT NULL,
    -- an unsealed case's child reference (as case_listing.child_display holds it), removed from other cases' text
    child_ref           VARCHAR(1000),
    child_status        VARCHAR(40),
    -- as the case's readable fields give them, cleared of its own child's details
    raised_agency       VARCHAR(1000),
    other_agency        VARCHAR(1000),
    category            VARCHAR(1000),
    resolved_at         TIMESTAMP(9) WITH TIME ZONE,
    resolved_stage      INT,
    working_days        INT           NOT NULL,
    board_text          BOOLEAN       NOT NULL,
    -- an open case's earliest deadline (England and Wales local time)
    first_due           TIMESTAMP(9),
    first_due_whole_day BOOLEAN,
    first_due_label     VARCHAR(1000),
    -- CRC-32C over the case's columns and its visits' rows
    checksum            BIGINT        NOT NULL
);

CREATE TABLE report_stage (
    case_id     UUID          NOT NULL,
    visit       INT           NOT NULL,
    stage       INT           NOT NULL,
    heading     VARCHAR(1000),
    entered_at  TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    ended       BOOLEAN       NOT NULL,
    working_days INT          NOT NULL,
    -- MET, NOT_MET or NO_TIMESCALE once ended
    outcome     VARCHAR(16),
    met_on_time INT           NOT NULL,
    met_late    INT           NOT NULL,
    -- of a visit in progress: the last local moment none of its timescales had passed, and of each deadline
    -- not marked met the last local moment it is met (one per line)
    past_at     TIMESTAMP(9),
    overdue_at  VARCHAR(4000),
    PRIMARY KEY (case_id, visit)
);
