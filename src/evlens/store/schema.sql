-- The evlens store: one DuckDB file. This file is the whole schema; store/migrate.py
-- applies it and records SCHEMA_VERSION in the meta table.
-- schema-version: 2

CREATE TABLE IF NOT EXISTS meta (
    key        VARCHAR PRIMARY KEY,
    value      VARCHAR NOT NULL
);

-- Companies, vehicle models, model groups, indexes and market aggregates.
CREATE TABLE IF NOT EXISTS entities (
    id              VARCHAR PRIMARY KEY,      -- canonical slug: xiaomi, xiaomi-su7, hsi
    kind            VARCHAR NOT NULL,         -- company | model | model_group | index | aggregate
    name_en         VARCHAR,
    name_zh         VARCHAR,
    parent          VARCHAR,                  -- the company of a model
    members         VARCHAR[],                -- the models of a model group
    aliases         VARCHAR[],
    first_delivery  VARCHAR,                  -- YYYY-MM, for models
    origin          VARCHAR NOT NULL,         -- gazetteer | import
    variant_of      VARCHAR                   -- a trim counted with another model (SU7 Ultra)
);

-- Listed lines: one row per canonical ticker.
CREATE TABLE IF NOT EXISTS securities (
    ticker          VARCHAR PRIMARY KEY,      -- 1810.HK, TSLA, HSI
    entity          VARCHAR,
    exchange        VARCHAR,                  -- ISO 10383: XHKG, XNAS, XNYS
    calendar        VARCHAR,                  -- exchange-calendars name: XHKG, XNYS
    currency        VARCHAR,                  -- HKD, USD, or points for an index
    name            VARCHAR,
    aliases         VARCHAR[],
    pays_dividends  BOOLEAN
);

-- Every file ever imported, by content hash: importing it again adds nothing.
CREATE TABLE IF NOT EXISTS imports (
    id          VARCHAR PRIMARY KEY,          -- content hash of the file's bytes
    kind        VARCHAR NOT NULL,             -- prices | kpis | shares
    format      VARCHAR NOT NULL,             -- yfinance, investing, plain, parquet, ...
    path        VARCHAR,
    rows        INTEGER NOT NULL,
    imported_at TIMESTAMP NOT NULL
);

-- Daily bars. adjusted: the closes are dividend-adjusted (total-return closes), so they
-- are no quoted prices. suspect: a row the source is known to get wrong (a zero-volume
-- flat row on a half-day session); kept, flagged, never silently trusted.
CREATE TABLE IF NOT EXISTS prices (
    ticker          VARCHAR NOT NULL,
    date            DATE NOT NULL,
    open            DOUBLE,
    high            DOUBLE,
    low             DOUBLE,
    close           DOUBLE NOT NULL,
    adj_close       DOUBLE,                   -- when the source gives both
    volume          DOUBLE,
    adjusted        BOOLEAN NOT NULL,
    suspect         BOOLEAN NOT NULL,
    suspect_reason  VARCHAR,
    import_id       VARCHAR NOT NULL,
    line            INTEGER,                  -- line of the source file
    PRIMARY KEY (ticker, date)
);

-- Shares outstanding as of a date, on a stated basis (filing, implied from news, ...).
CREATE TABLE IF NOT EXISTS share_counts (
    ticker      VARCHAR NOT NULL,
    as_of       DATE NOT NULL,
    shares      DOUBLE NOT NULL,
    class_a     DOUBLE,
    class_b     DOUBLE,
    basis       VARCHAR NOT NULL,
    source_url  VARCHAR,
    note        VARCHAR,
    import_id   VARCHAR NOT NULL,
    line        INTEGER,
    PRIMARY KEY (ticker, as_of, basis)
);

-- Source texts: articles and imported tables. id = content hash of text.
CREATE TABLE IF NOT EXISTS documents (
    id            VARCHAR PRIMARY KEY,
    kind          VARCHAR NOT NULL,           -- article | csv | release
    url           VARCHAR,
    title         VARCHAR,
    publisher     VARCHAR,
    published     DATE,
    retrieved_at  TIMESTAMP,
    path          VARCHAR,
    lang          VARCHAR,
    text          VARCHAR NOT NULL,
    stored_at     TIMESTAMP NOT NULL
);

-- The atom. See evlens/facts.py for the meaning of each column.
CREATE TABLE IF NOT EXISTS facts (
    id               VARCHAR PRIMARY KEY,
    entity           VARCHAR NOT NULL,
    metric           VARCHAR NOT NULL,
    scope            VARCHAR,                 -- what within the entity: plant phase, channel
    period           VARCHAR NOT NULL,
    period_start     DATE NOT NULL,
    period_end       DATE NOT NULL,
    value            DOUBLE NOT NULL,
    unit             VARCHAR NOT NULL,
    rate             VARCHAR,
    bound            VARCHAR NOT NULL,
    cumulative       BOOLEAN NOT NULL,
    document_id      VARCHAR,
    span_start       INTEGER,
    span_end         INTEGER,
    surface          VARCHAR,
    sentence         VARCHAR,
    method           VARCHAR NOT NULL,
    confidence       DOUBLE NOT NULL,
    published        DATE,
    published_basis  VARCHAR,                 -- stated | url | assumed
    source_url       VARCHAR,
    publisher        VARCHAR,
    note             VARCHAR,
    stored_at        TIMESTAMP NOT NULL
);

CREATE INDEX IF NOT EXISTS facts_entity_metric ON facts (entity, metric);
