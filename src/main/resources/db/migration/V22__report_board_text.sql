-- The board text the partnership report shows (learning at resolution, a completed form's feedback on the
-- procedure) as its own narrow rows, one per entry that holds some, written with the case's report facts (V19)
-- in the same transaction and rebuilt with them: the report reads these instead of parsing whole summaries.
-- Derived data. Sealed text (decision 0017) is kept sealed, as the entry holds it, and opened only where a report
-- is made, with the keys of the person making it; text the record holds in clear (written before board text was
-- sealed) is kept as the report shows it, cleared of its case's child details.
CREATE TABLE report_board (
    case_id          UUID          NOT NULL,
    place            INT           NOT NULL,
    entry_id         UUID          NOT NULL,
    -- RESOLVED or FORM_COMPLETED
    entry_type       VARCHAR(32)   NOT NULL,
    stage            INT           NOT NULL,
    form_id          VARCHAR(200),
    learning         VARCHAR,
    effectiveness    VARCHAR,
    suggestions      VARCHAR,
    key_generation   INT           NOT NULL,
    board_sealed     VARCHAR,
    board_case_key   VARCHAR(1000),
    board_report_key VARCHAR(1000),
    report_key_id    VARCHAR(200),
    PRIMARY KEY (case_id, place)
);

-- The summarised cases the report has no facts for (their procedure is not installed here): with report_case,
-- one row for every case_listing row, so that the report checks the facts cover every case by counting rows
-- instead of joining the tables.
CREATE TABLE report_unmade (
    case_id UUID NOT NULL PRIMARY KEY
);

UPDATE read_model SET version = 'before V22' WHERE name = 'report_fact';
