-- The reference hub's first schema. Statements run in one transaction with the other pending migrations.

-- Feed positions: every committed change of an assignment takes the next one (see operations.ts for
-- why they also become visible in order).
CREATE SEQUENCE feed_position AS bigint;

CREATE TABLE clients (
  id          text PRIMARY KEY,
  secret_hash text NOT NULL,
  unit_code   text NOT NULL,
  unit_name   text,
  disabled    boolean NOT NULL DEFAULT false,
  created_at  timestamptz NOT NULL DEFAULT now()
);

-- Only the SHA-256 of a token is kept: a copy of this table opens nothing.
CREATE TABLE tokens (
  hash       bytea PRIMARY KEY,
  client_id  text NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
  expires_at timestamptz NOT NULL
);
CREATE INDEX tokens_expires_at ON tokens (expires_at);

-- A laptop belongs to the client (unit) that used it first.
CREATE TABLE installations (
  id         uuid PRIMARY KEY,
  client_id  text NOT NULL REFERENCES clients (id),
  first_seen timestamptz NOT NULL DEFAULT now(),
  last_seen  timestamptz NOT NULL DEFAULT now(),
  last_seq   bigint NOT NULL DEFAULT 0
);

CREATE TABLE assignments (
  id                 uuid PRIMARY KEY,
  assigner_unit      text NOT NULL,
  lead_unit          text NOT NULL,
  coordinating_units text[] NOT NULL,
  fields             jsonb NOT NULL,
  state              jsonb NOT NULL,
  version            integer NOT NULL,
  fields_version     integer NOT NULL,
  position           bigint NOT NULL UNIQUE,
  updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX assignments_assigner ON assignments (assigner_unit, position);
CREATE INDEX assignments_lead ON assignments (lead_unit, position);
CREATE INDEX assignments_coordinating ON assignments USING gin (coordinating_units);

-- The primary key on op_id is what makes an operation apply exactly once, whatever the laptop repeats.
CREATE TABLE operations (
  op_id           uuid PRIMARY KEY,
  installation_id uuid NOT NULL REFERENCES installations (id),
  seq             bigint NOT NULL,
  assignment_id   uuid NOT NULL,
  status          integer NOT NULL,
  response        jsonb NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX operations_installation ON operations (installation_id, seq);

CREATE TABLE assignment_events (
  id            uuid PRIMARY KEY,
  assignment_id uuid NOT NULL REFERENCES assignments (id),
  unit          text NOT NULL,
  -- body.at as a timestamp, so events sort by time whatever the precision of the text.
  at            timestamptz NOT NULL,
  -- The event as the changes feed hands it out, its id and unit included.
  body          jsonb NOT NULL
);
CREATE INDEX assignment_events_assignment ON assignment_events (assignment_id, at, id);
CREATE INDEX assignment_events_documents ON assignment_events USING gin ((body -> 'documents') jsonb_path_ops);

CREATE TABLE extensions (
  id            uuid PRIMARY KEY,
  assignment_id uuid NOT NULL REFERENCES assignments (id),
  requested_at  timestamptz NOT NULL,
  -- The ExtensionRecord as the feed hands it out.
  body          jsonb NOT NULL
);
CREATE INDEX extensions_assignment ON extensions (assignment_id, requested_at);
-- At most one request waits for a decision per assignment.
CREATE UNIQUE INDEX extensions_one_pending ON extensions (assignment_id) WHERE body ->> 'status' = 'pending';

CREATE TABLE files (
  sha256      text PRIMARY KEY,
  size        bigint NOT NULL,
  content     bytea NOT NULL,
  uploaded_by text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
