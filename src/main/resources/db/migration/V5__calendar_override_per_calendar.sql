-- An administrator's addition or removal names the UK calendar it changes (england-and-wales,
-- scotland, northern-ireland); existing ones were England and Wales. A new table rather than a
-- changed primary key, so the same statements run on H2 and PostgreSQL.
CREATE TABLE calendar_override_by_calendar (
    holiday     DATE          NOT NULL,
    calendar    VARCHAR(40)   NOT NULL,
    name        VARCHAR(200)  NOT NULL,
    working_day BOOLEAN       NOT NULL,
    PRIMARY KEY (holiday, calendar)
);
INSERT INTO calendar_override_by_calendar (holiday, calendar, name, working_day)
    SELECT holiday, 'england-and-wales', name, working_day FROM calendar_override;
DROP TABLE calendar_override;
ALTER TABLE calendar_override_by_calendar RENAME TO calendar_override;
