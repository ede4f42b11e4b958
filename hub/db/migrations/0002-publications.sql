-- Files a standing office publishes for a committee's units: signed meeting packs, issued Thông
-- báo kết luận. They share the feed's positions (and its lock), so a laptop following them never
-- skips one.
CREATE TABLE publications (
  id            uuid PRIMARY KEY,
  publisher_unit text NOT NULL,
  kind          text NOT NULL CHECK (kind IN ('meeting_pack', 'conclusion_notice')),
  meeting_id    uuid NOT NULL,
  sha256        text NOT NULL REFERENCES files (sha256),
  recipients    text[] NOT NULL,
  body          jsonb NOT NULL,
  position      bigint NOT NULL UNIQUE,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX publications_sha256 ON publications (sha256);
