-- eventwatch store schema (DuckDB). The only DDL in the project; eventwatch/store/db.py is the only writer.
-- Ids are content hashes (records.content_id), so re-coding an article rewrites identical rows.
-- Child rows carry article_id and are replaced per article inside one transaction (delete, then insert).
-- Spans are half-open character offsets into articles.text; *_start/*_end NULL means "no span".

CREATE TABLE IF NOT EXISTS meta (
    key VARCHAR PRIMARY KEY,
    value VARCHAR
);

CREATE TABLE IF NOT EXISTS articles (
    id VARCHAR PRIMARY KEY,
    published DATE,
    language VARCHAR,
    url VARCHAR,
    title VARCHAR,
    outlet VARCHAR,
    source VARCHAR,            -- where the input was read from (path, "-", URL, "path:line")
    text VARCHAR,
    skipped_reason VARCHAR,    -- NULL when coded; otherwise why not ("empty", "not English", ...)
    coded_at TIMESTAMP
);

CREATE TABLE IF NOT EXISTS events (
    article_id VARCHAR NOT NULL,
    id VARCHAR NOT NULL,
    ord INTEGER NOT NULL,      -- position in the article's event list, so results() keeps the order
    event_type VARCHAR NOT NULL,
    sub_event_type VARCHAR NOT NULL,
    modality VARCHAR NOT NULL,
    date DATE,
    date_precision VARCHAR,
    location VARCHAR,
    location_detail VARCHAR,
    admin1 VARCHAR,
    country VARCHAR,
    latitude DOUBLE,
    longitude DOUBLE,
    geonameid BIGINT,
    geo_precision INTEGER,
    actor1 VARCHAR,
    inter1 INTEGER,
    actor1_cameo VARCHAR,
    actor2 VARCHAR,
    inter2 INTEGER,
    actor2_cameo VARCHAR,
    fatalities_known BOOLEAN NOT NULL,   -- distinguishes "no count given" (NULL range) from {min: null, max: null}
    fatalities_min INTEGER,
    fatalities_max INTEGER,
    injured_known BOOLEAN NOT NULL,
    injured_min INTEGER,
    injured_max INTEGER,
    cameo VARCHAR,
    evidence VARCHAR NOT NULL,
    evidence_start INTEGER NOT NULL,
    evidence_end INTEGER NOT NULL,
    confidence DOUBLE,
    trigger VARCHAR,
    spans VARCHAR,             -- JSON object: field name -> [start, end]
    PRIMARY KEY (article_id, id)
);

CREATE TABLE IF NOT EXISTS claims (
    id VARCHAR PRIMARY KEY,    -- content hash of (article_id, event_id, ord)
    event_id VARCHAR NOT NULL,
    article_id VARCHAR NOT NULL,
    ord INTEGER NOT NULL,
    claimant VARCHAR,
    claimant_type VARCHAR,
    about VARCHAR NOT NULL,
    min INTEGER,
    max INTEGER,
    approximate BOOLEAN NOT NULL,
    quote VARCHAR,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    claimant_start INTEGER,
    claimant_end INTEGER
);

CREATE TABLE IF NOT EXISTS statements (
    article_id VARCHAR NOT NULL,
    id VARCHAR NOT NULL,
    ord INTEGER NOT NULL,
    type VARCHAR NOT NULL,     -- PLOVER type
    cameo VARCHAR,
    source VARCHAR,
    target VARCHAR,
    evidence VARCHAR NOT NULL,
    evidence_start INTEGER NOT NULL,
    evidence_end INTEGER NOT NULL,
    source_start INTEGER,
    source_end INTEGER,
    target_start INTEGER,
    target_end INTEGER,
    trigger VARCHAR,
    PRIMARY KEY (article_id, id)
);

-- Incidents are the output of one clustering run over the store; write_incidents replaces them all.
CREATE TABLE IF NOT EXISTS incidents (
    id VARCHAR PRIMARY KEY,
    event_type VARCHAR,
    sub_event_type VARCHAR,
    date DATE,
    country VARCHAR,
    location VARCHAR,
    fatalities_min INTEGER,
    fatalities_max INTEGER,
    n_events INTEGER NOT NULL,
    n_articles INTEGER NOT NULL,
    extra VARCHAR              -- JSON object with the clusterer's bookkeeping (members, per-source tolls)
);

CREATE TABLE IF NOT EXISTS incident_events (
    incident_id VARCHAR NOT NULL,
    article_id VARCHAR NOT NULL,
    event_id VARCHAR NOT NULL,
    PRIMARY KEY (incident_id, article_id, event_id)
);
