import type { Migration } from '../migration.ts';

/**
 * The live room's record (ADR 0013): each room a meeting opened, every event it sent (written before
 * it is sent, so what members saw is what the host keeps), and who voted. A named ballot keeps its
 * choice and signature; a secret one keeps only that the member voted — the choice never reaches
 * the disk, so nothing stored links a voter to a choice. On a member's laptop: the room certificate's
 * fingerprint each meeting's signed pack carried, so joining needs no fingerprint typed.
 */
export const liveRoom: Migration = {
  version: 13,
  name: 'live-room',
  sql: `
    CREATE TABLE live_rooms (
      id          TEXT PRIMARY KEY,
      meeting_id  TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
      host        TEXT NOT NULL,
      port        INTEGER NOT NULL CHECK (port BETWEEN 1 AND 65535),
      fingerprint TEXT NOT NULL,
      opened_at   TEXT NOT NULL,
      opened_by   TEXT,
      closed_at   TEXT,
      -- 'closed' by the host; 'interrupted' when the app stopped with the room open.
      end_kind    TEXT CHECK (end_kind IN ('closed', 'interrupted')),
      CHECK ((closed_at IS NULL) = (end_kind IS NULL))
    ) STRICT;
    CREATE INDEX live_rooms_meeting ON live_rooms (meeting_id, opened_at);
    CREATE UNIQUE INDEX live_rooms_one_open ON live_rooms (meeting_id) WHERE closed_at IS NULL;

    CREATE TABLE live_room_events (
      room_id TEXT NOT NULL REFERENCES live_rooms (id) ON DELETE CASCADE,
      seq     INTEGER NOT NULL CHECK (seq >= 1),
      at      TEXT NOT NULL,
      type    TEXT NOT NULL,
      body    TEXT NOT NULL CHECK (json_valid(body)),
      PRIMARY KEY (room_id, seq)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX live_room_events_type ON live_room_events (type, room_id);

    CREATE TABLE live_room_ballots (
      room_id   TEXT NOT NULL REFERENCES live_rooms (id) ON DELETE CASCADE,
      vote_id   TEXT NOT NULL,
      person_id TEXT NOT NULL,
      seq       INTEGER NOT NULL,
      secret    INTEGER NOT NULL CHECK (secret IN (0, 1)),
      choice    TEXT CHECK (choice IN ('agree', 'disagree', 'other')),
      text      TEXT,
      signature TEXT,
      public_key TEXT,
      cast_at   TEXT NOT NULL,
      PRIMARY KEY (vote_id, person_id),
      CHECK (secret = 0 OR (choice IS NULL AND text IS NULL AND signature IS NULL))
    ) STRICT;

    -- On a member's laptop: the last state of each room it was in, so what the member saw stays.
    CREATE TABLE live_room_seen (
      room_id    TEXT PRIMARY KEY,
      url        TEXT NOT NULL,
      meeting_id TEXT,
      snapshot   TEXT NOT NULL CHECK (json_valid(snapshot)),
      seen_at    TEXT NOT NULL
    ) STRICT;
    CREATE INDEX live_room_seen_at ON live_room_seen (seen_at);

    -- On a member's laptop: what the meeting's rooms decided, as the secretariat's signed pack carried it.
    CREATE TABLE live_room_records (
      meeting_id  TEXT PRIMARY KEY REFERENCES meetings (id) ON DELETE CASCADE,
      record      TEXT NOT NULL CHECK (json_valid(record)),
      received_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE live_room_pins (
      meeting_id  TEXT PRIMARY KEY REFERENCES meetings (id) ON DELETE CASCADE,
      fingerprint TEXT NOT NULL,
      received_at TEXT NOT NULL
    ) STRICT;
  `,
};
