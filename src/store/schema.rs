//! The schema, as forward migrations numbered by `PRAGMA user_version`.
//!
//! A migration is never edited once released: a new need is a new entry.

/// Marks a file as medel's (`PRAGMA application_id`), so that another
/// program's SQLite file is refused instead of being "migrated".
pub const APPLICATION_ID: i32 = 0x4d45_444c; // "MEDL"

/// Each entry takes the schema from version `i` to `i + 1`.
pub const MIGRATIONS: &[&str] = &[V1, V2, V3, V4, V5, V6];

pub const LATEST: i64 = MIGRATIONS.len() as i64;

const V1: &str = "
CREATE TABLE grants (
    id         INTEGER PRIMARY KEY,
    title      TEXT NOT NULL CHECK (length(trim(title)) > 0),
    giver      TEXT NOT NULL,
    year       INTEGER NOT NULL,
    use_from   TEXT NOT NULL,
    use_until  TEXT NOT NULL,
    report_due TEXT NOT NULL,
    state      TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'reported')),
    UNIQUE (title, year),
    CHECK (use_from <= use_until)
);

CREATE TABLE focus_areas (
    id       INTEGER PRIMARY KEY,
    grant_id INTEGER NOT NULL REFERENCES grants(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name_sv  TEXT NOT NULL,
    name_en  TEXT NOT NULL,
    UNIQUE (grant_id, position)
);

CREATE TABLE receipts (
    id          INTEGER PRIMARY KEY,
    grant_id    INTEGER NOT NULL REFERENCES grants(id) ON DELETE CASCADE,
    received_on TEXT NOT NULL,
    amount_ore  INTEGER NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('requisition', 'redistribution', 'other')),
    note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX receipts_by_grant ON receipts (grant_id);

CREATE TABLE recipients (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    formal_name TEXT NOT NULL DEFAULT '',
    kind        TEXT NOT NULL CHECK (kind IN ('district', 'unit', 'other')),
    retired     INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1))
);

-- Clustered on the grant, so one grant's rows are read together.
CREATE TABLE allocations (
    grant_id     INTEGER NOT NULL REFERENCES grants(id) ON DELETE CASCADE,
    recipient_id INTEGER NOT NULL REFERENCES recipients(id),
    amount_ore   INTEGER NOT NULL CHECK (amount_ore >= 0),
    PRIMARY KEY (grant_id, recipient_id)
) WITHOUT ROWID;

CREATE TABLE spending (
    grant_id      INTEGER NOT NULL REFERENCES grants(id) ON DELETE CASCADE,
    recipient_id  INTEGER NOT NULL REFERENCES recipients(id),
    focus_area_id INTEGER NOT NULL REFERENCES focus_areas(id) ON DELETE CASCADE,
    amount_ore    INTEGER NOT NULL CHECK (amount_ore >= 0),
    note          TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (grant_id, recipient_id, focus_area_id)
) WITHOUT ROWID;

CREATE TABLE recipient_reports (
    grant_id      INTEGER NOT NULL REFERENCES grants(id) ON DELETE CASCADE,
    recipient_id  INTEGER NOT NULL REFERENCES recipients(id),
    reported_on   TEXT NOT NULL,
    reason_unused TEXT NOT NULL DEFAULT '',
    evaluation    TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (grant_id, recipient_id)
) WITHOUT ROWID;

CREATE TABLE audit_log (
    id           INTEGER PRIMARY KEY,
    at           TEXT NOT NULL,
    who          TEXT NOT NULL,
    grant_id     INTEGER,
    recipient_id INTEGER,
    what         TEXT NOT NULL,
    old          TEXT NOT NULL,
    new          TEXT NOT NULL
);
CREATE INDEX audit_by_grant ON audit_log (grant_id, id);
CREATE INDEX audit_by_recipient ON audit_log (recipient_id, id);
";

/// Drafts of forms that were open when a connection dropped, so the next
/// start can offer them back.
const V2: &str = "
CREATE TABLE drafts (
    id           INTEGER PRIMARY KEY,
    who          TEXT NOT NULL,
    grant_id     INTEGER NOT NULL REFERENCES grants(id) ON DELETE CASCADE,
    recipient_id INTEGER NOT NULL REFERENCES recipients(id),
    saved_at     TEXT NOT NULL,
    body         TEXT NOT NULL
);
CREATE INDEX drafts_by_who ON drafts (who);
";

/// Drafts of every form, not only the spending form: a kind says which
/// form, and a draft need not be about a grant or a recipient (a new
/// grant, a new recipient). SQLite cannot drop NOT NULL in place, so the
/// table is copied.
const V3: &str = "
CREATE TABLE drafts_v3 (
    id           INTEGER PRIMARY KEY,
    who          TEXT NOT NULL,
    kind         TEXT NOT NULL,
    grant_id     INTEGER REFERENCES grants(id) ON DELETE CASCADE,
    recipient_id INTEGER REFERENCES recipients(id),
    saved_at     TEXT NOT NULL,
    body         TEXT NOT NULL
);
INSERT INTO drafts_v3 (id, who, kind, grant_id, recipient_id, saved_at, body)
    SELECT id, who, 'spending', grant_id, recipient_id, saved_at, body FROM drafts;
DROP TABLE drafts;
ALTER TABLE drafts_v3 RENAME TO drafts;
CREATE INDEX drafts_by_who ON drafts (who);
";

/// A grant's whole life: its references, the money paid back to the giver,
/// and moves of money between recipients kept as records. A move is one
/// audit row about two recipients, so the log gains the second.
const V4: &str = "
ALTER TABLE grants ADD COLUMN giver_reference TEXT NOT NULL DEFAULT '';
ALTER TABLE grants ADD COLUMN own_reference TEXT NOT NULL DEFAULT '';

CREATE TABLE repayments (
    id         INTEGER PRIMARY KEY,
    grant_id   INTEGER NOT NULL REFERENCES grants(id) ON DELETE CASCADE,
    paid_on    TEXT NOT NULL,
    amount_ore INTEGER NOT NULL CHECK (amount_ore > 0),
    kind       TEXT NOT NULL CHECK (kind IN ('repayment', 'clawback')),
    reference  TEXT NOT NULL DEFAULT '',
    note       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX repayments_by_grant ON repayments (grant_id);

CREATE TABLE reallocations (
    id                INTEGER PRIMARY KEY,
    grant_id          INTEGER NOT NULL REFERENCES grants(id) ON DELETE CASCADE,
    moved_on          TEXT NOT NULL,
    from_recipient_id INTEGER NOT NULL REFERENCES recipients(id),
    to_recipient_id   INTEGER NOT NULL REFERENCES recipients(id),
    amount_ore        INTEGER NOT NULL CHECK (amount_ore > 0),
    decision          TEXT NOT NULL DEFAULT '',
    note              TEXT NOT NULL DEFAULT '',
    CHECK (from_recipient_id <> to_recipient_id)
);
CREATE INDEX reallocations_by_grant ON reallocations (grant_id);

ALTER TABLE audit_log ADD COLUMN other_recipient_id INTEGER;
CREATE INDEX audit_by_other_recipient ON audit_log (other_recipient_id, id)
    WHERE other_recipient_id IS NOT NULL;
";

/// What each recipient used of each grant, summed, so that the list of
/// every grant reads one row per recipient rather than one per cell. The
/// triggers keep it in the same statement as every change to `spending`,
/// whoever writes (medel, an import, the sqlite3 shell), so it cannot
/// drift from the cells; `cells` counts them, and a row goes when its
/// last cell does, as the recipient then no longer takes part by spending.
const V5: &str = "
CREATE TABLE spending_totals (
    grant_id     INTEGER NOT NULL REFERENCES grants(id) ON DELETE CASCADE,
    recipient_id INTEGER NOT NULL,
    used_ore     INTEGER NOT NULL,
    cells        INTEGER NOT NULL,
    PRIMARY KEY (grant_id, recipient_id)
) WITHOUT ROWID;
INSERT INTO spending_totals (grant_id, recipient_id, used_ore, cells)
    SELECT grant_id, recipient_id, SUM(amount_ore), COUNT(*) FROM spending
    GROUP BY grant_id, recipient_id;

CREATE TRIGGER spending_totals_insert AFTER INSERT ON spending BEGIN
    INSERT INTO spending_totals (grant_id, recipient_id, used_ore, cells)
        VALUES (new.grant_id, new.recipient_id, new.amount_ore, 1)
        ON CONFLICT (grant_id, recipient_id)
        DO UPDATE SET used_ore = used_ore + excluded.used_ore, cells = cells + 1;
END;

CREATE TRIGGER spending_totals_delete AFTER DELETE ON spending BEGIN
    UPDATE spending_totals SET used_ore = used_ore - old.amount_ore, cells = cells - 1
        WHERE grant_id = old.grant_id AND recipient_id = old.recipient_id;
    DELETE FROM spending_totals
        WHERE grant_id = old.grant_id AND recipient_id = old.recipient_id AND cells = 0;
END;

CREATE TRIGGER spending_totals_update
AFTER UPDATE OF grant_id, recipient_id, amount_ore ON spending BEGIN
    UPDATE spending_totals SET used_ore = used_ore - old.amount_ore, cells = cells - 1
        WHERE grant_id = old.grant_id AND recipient_id = old.recipient_id;
    DELETE FROM spending_totals
        WHERE grant_id = old.grant_id AND recipient_id = old.recipient_id AND cells = 0;
    INSERT INTO spending_totals (grant_id, recipient_id, used_ore, cells)
        VALUES (new.grant_id, new.recipient_id, new.amount_ore, 1)
        ON CONFLICT (grant_id, recipient_id)
        DO UPDATE SET used_ore = used_ore + excluded.used_ore, cells = cells + 1;
END;
";

/// The district's contact person for a grant, who may be known before
/// the final report is in (so not a column of `recipient_reports`, whose
/// row means "has reported"); and the grant each user last worked on, to
/// open the app there. `who` is the drafts' owner: the Unix user.
const V6: &str = "
CREATE TABLE recipient_contacts (
    grant_id     INTEGER NOT NULL REFERENCES grants(id) ON DELETE CASCADE,
    recipient_id INTEGER NOT NULL REFERENCES recipients(id),
    contact      TEXT NOT NULL CHECK (length(trim(contact)) > 0),
    PRIMARY KEY (grant_id, recipient_id)
) WITHOUT ROWID;

CREATE TABLE last_grants (
    who      TEXT PRIMARY KEY,
    grant_id INTEGER NOT NULL REFERENCES grants(id) ON DELETE CASCADE
) WITHOUT ROWID;
";
