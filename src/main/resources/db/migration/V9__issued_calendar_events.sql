-- Deadline events already written to a person's calendar file, so that a later file updates them
-- (same UID, higher SEQUENCE) or cancels them. Holds only what the events carry: case number,
-- procedure, stage and deadline label, never anything about the child.
CREATE TABLE issued_calendar_event (
    person       VARCHAR(64)   NOT NULL,
    uid          VARCHAR(200)  NOT NULL,
    case_number  VARCHAR(40)   NOT NULL,
    procedure_name VARCHAR(300) NOT NULL,
    stage        VARCHAR(300)  NOT NULL,
    label        VARCHAR(500)  NOT NULL,
    due          VARCHAR(20)   NOT NULL,
    whole_day    BOOLEAN       NOT NULL,
    sequence     INT           NOT NULL,
    cancelled    BOOLEAN       NOT NULL,
    PRIMARY KEY (person, uid)
);
