import type { Migration } from '../migration.ts';

/**
 * Trust per purpose. A key in trusted_keys is trusted for nothing by itself: each grant says what
 * it may sign — meeting packs of one committee (a secretariat's key), or shared notes in the name
 * of one person of the directory (a member's key).
 *
 * Keys trusted before this migration were trusted for both at once. They keep pack trust only for
 * the committees of the meetings already imported from packs they signed; nothing else is assumed
 * (a key never used for a pack gets no grant, and no key keeps notes trust: the secretariat binds
 * each member's key to a person again, on the next notes import).
 */
export const trustPurpose: Migration = {
  version: 5,
  name: 'trust-purpose',
  sql: `
    CREATE TABLE key_trust (
      fingerprint    TEXT NOT NULL REFERENCES trusted_keys (fingerprint) ON DELETE CASCADE,
      purpose        TEXT NOT NULL CHECK (purpose IN ('pack', 'notes')),
      -- pack: no foreign key, a member trusts the key before its first pack brings the committee
      committee_id   TEXT,
      committee_name TEXT,
      person_id      TEXT REFERENCES people (id) ON DELETE CASCADE,
      granted_at     TEXT NOT NULL,
      CHECK ((purpose = 'pack' AND committee_id IS NOT NULL AND person_id IS NULL)
          OR (purpose = 'notes' AND person_id IS NOT NULL AND committee_id IS NULL))
    ) STRICT;
    CREATE UNIQUE INDEX key_trust_pack ON key_trust (fingerprint, committee_id) WHERE purpose = 'pack';
    -- One key speaks for one person.
    CREATE UNIQUE INDEX key_trust_notes ON key_trust (fingerprint) WHERE purpose = 'notes';

    INSERT INTO key_trust (fingerprint, purpose, committee_id, committee_name, granted_at)
    SELECT k.fingerprint, 'pack', m.committee_id, max(c.name), k.accepted_at
      FROM trusted_keys k
      JOIN pack_imports p ON p.signer = k.fingerprint
      JOIN meetings m ON m.id = p.meeting_id
      LEFT JOIN committees c ON c.id = m.committee_id
     GROUP BY k.fingerprint, m.committee_id;
  `,
};
