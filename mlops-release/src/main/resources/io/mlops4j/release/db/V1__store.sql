-- mlops4j local store, schema version 1. Targets (dev, test, prod, shared) live side by side.
CREATE TABLE models (
  target          TEXT    NOT NULL,
  name            TEXT    NOT NULL,
  version         INTEGER NOT NULL CHECK (version >= 1),
  description     TEXT    NOT NULL,
  tags            TEXT    NOT NULL,
  properties      TEXT    NOT NULL,
  artifact_digest TEXT    NOT NULL,
  artifact_size   INTEGER NOT NULL,
  archived        INTEGER NOT NULL DEFAULT 0,
  source          TEXT    NOT NULL,
  created_at      TEXT    NOT NULL,
  PRIMARY KEY (target, name, version)
);
CREATE TABLE model_tags (
  target  TEXT    NOT NULL,
  name    TEXT    NOT NULL,
  version INTEGER NOT NULL,
  key     TEXT    NOT NULL,
  value   TEXT    NOT NULL,
  PRIMARY KEY (target, name, version, key),
  FOREIGN KEY (target, name, version) REFERENCES models (target, name, version) ON DELETE CASCADE
);
CREATE INDEX model_tags_by_value ON model_tags (target, key, value);
CREATE TABLE environments (
  target        TEXT NOT NULL,
  name          TEXT NOT NULL,
  version       TEXT NOT NULL,
  image         TEXT NOT NULL,
  conda_file    TEXT NOT NULL,
  build_context TEXT NOT NULL,
  description   TEXT NOT NULL,
  tags          TEXT NOT NULL,
  source        TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  PRIMARY KEY (target, name, version)
);
CREATE TABLE data_assets (
  target      TEXT NOT NULL,
  name        TEXT NOT NULL,
  version     TEXT NOT NULL,
  type        TEXT NOT NULL,
  path        TEXT NOT NULL,
  description TEXT NOT NULL,
  tags        TEXT NOT NULL,
  source      TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  PRIMARY KEY (target, name, version)
);
CREATE TABLE endpoints (
  target             TEXT NOT NULL,
  name               TEXT NOT NULL,
  description        TEXT NOT NULL,
  tags               TEXT NOT NULL,
  default_deployment TEXT NOT NULL,
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL,
  PRIMARY KEY (target, name)
);
CREATE TABLE deployments (
  target     TEXT NOT NULL,
  endpoint   TEXT NOT NULL,
  name       TEXT NOT NULL,
  spec       TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (target, endpoint, name),
  FOREIGN KEY (target, endpoint) REFERENCES endpoints (target, name)
);
CREATE TABLE jobs (
  id               TEXT    PRIMARY KEY,
  target           TEXT    NOT NULL,
  endpoint         TEXT    NOT NULL,
  deployment       TEXT    NOT NULL,
  inputs           TEXT    NOT NULL,
  status           TEXT    NOT NULL,
  exit_code        INTEGER NOT NULL DEFAULT -1,
  error            TEXT    NOT NULL DEFAULT '',
  cancel_requested INTEGER NOT NULL DEFAULT 0,
  owner_pid        INTEGER NOT NULL,
  created_at       TEXT    NOT NULL,
  ended_at         TEXT    NOT NULL DEFAULT ''
);
CREATE TABLE audit (
  id      INTEGER PRIMARY KEY AUTOINCREMENT,
  at      TEXT NOT NULL,
  actor   TEXT NOT NULL,
  action  TEXT NOT NULL,
  target  TEXT NOT NULL,
  entity  TEXT NOT NULL,
  before  TEXT NOT NULL,
  after   TEXT NOT NULL
);
