import { readFileSync, statSync } from 'node:fs';
import {
  publicKeyFile,
  type InspectedKey,
  type MethodInput,
  type TrustedKey,
  type TrustGrant,
} from '../../../../shared/contract/index.ts';
import type { ServiceContext } from '../../context.ts';
import { CoreError } from '../../errors.ts';
import { releaseUpload, stagedFile } from '../../files/staging.ts';
import type { ChangeWriter } from './changes.ts';
import { fingerprintOf, holderText, normalizeFingerprint, publicKeyObject } from './signing.ts';

const MAX_KEY_FILE_BYTES = 64 * 1024;

interface TrustedKeyRow {
  fingerprint: string;
  public_key: string;
  label: string;
  accepted_at: string;
}

interface GrantRow {
  purpose: 'pack' | 'notes';
  committee_id: string | null;
  committee_name: string | null;
  person_id: string | null;
  person_name: string | null;
  granted_at: string;
}

/** What a key is trusted for, as a caller gives it. */
type TrustScope = MethodInput<'keys.trust'>['scope'];

function toGrant(row: GrantRow): TrustGrant {
  return row.purpose === 'pack'
    ? { purpose: 'pack', committeeId: row.committee_id!, committeeName: row.committee_name, grantedAt: row.granted_at }
    : { purpose: 'notes', personId: row.person_id!, personName: row.person_name ?? '', grantedAt: row.granted_at };
}

function badKeyFile(vi: string, en: string): CoreError {
  return new CoreError('FILE_INVALID', { vi, en });
}

/** Reads a public-key file exported by another install and checks it is whole. */
function readPublicKeyFile(file: string, fileName: string): { publicKey: string; label: string } {
  const size = statSync(file).size;
  if (size === 0 || size > MAX_KEY_FILE_BYTES) {
    throw badKeyFile(
      `Tệp "${fileName}" không phải tệp khóa công khai của Nghị Sự.`,
      `"${fileName}" is not a Nghị Sự public-key file.`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    parsed = undefined;
  }
  const checked = publicKeyFile.safeParse(parsed);
  if (!checked.success) {
    throw badKeyFile(
      `Tệp "${fileName}" không phải tệp khóa công khai của Nghị Sự (tệp xuất bằng "Xuất khóa công khai").`,
      `"${fileName}" is not a Nghị Sự public-key file (the file made by "Export public key").`,
    );
  }
  const { publicKey, fingerprint, label } = checked.data;
  if (!publicKeyObject(publicKey) || fingerprintOf(publicKey) !== normalizeFingerprint(fingerprint)) {
    throw badKeyFile(
      `Tệp "${fileName}" đã bị sửa: dấu vân tay không khớp với khóa. Hãy xin lại tệp từ bộ phận thư ký.`,
      `"${fileName}" has been altered: its fingerprint does not match the key. Ask the secretariat for the file again.`,
    );
  }
  return { publicKey, label: holderText(label) };
}

/**
 * Keys this laptop trusts, each for what it may sign: meeting packs of a committee (a secretariat's
 * key) or shared notes in the name of one directory person (a member's key). Trusting a key for one
 * never trusts it for the other. Trust is a deliberate act: the user compares the fingerprint with
 * the key's holder (by phone or on paper) before accepting.
 */
export function createTrustedKeysService(ctx: ServiceContext, change: ChangeWriter) {
  const { db } = ctx;
  const selectAll = db.prepare('SELECT * FROM trusted_keys ORDER BY label COLLATE NOCASE, fingerprint');
  const selectOne = db.prepare('SELECT * FROM trusted_keys WHERE fingerprint = ?');
  const selectGrants = db.prepare(
    `SELECT t.purpose, t.committee_id, coalesce(c.name, t.committee_name) AS committee_name, t.person_id,
            p.full_name AS person_name, t.granted_at
       FROM key_trust t
       LEFT JOIN committees c ON c.id = t.committee_id
       LEFT JOIN people p ON p.id = t.person_id
      WHERE t.fingerprint = ?
      ORDER BY t.purpose, t.granted_at`,
  );
  const insert = db.prepare('INSERT INTO trusted_keys (fingerprint, public_key, label, accepted_at) VALUES (?, ?, ?, ?)');
  const insertGrant = db.prepare(
    'INSERT INTO key_trust (fingerprint, purpose, committee_id, committee_name, person_id, granted_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const remove = db.prepare('DELETE FROM trusted_keys WHERE fingerprint = ?');
  const removePackGrant = db.prepare("DELETE FROM key_trust WHERE fingerprint = ? AND purpose = 'pack' AND committee_id = ?");
  const removeNotesGrant = db.prepare("DELETE FROM key_trust WHERE fingerprint = ? AND purpose = 'notes' AND person_id = ?");
  const committeeName = db.prepare('SELECT name FROM committees WHERE id = ?').pluck();
  const personName = db.prepare('SELECT full_name FROM people WHERE id = ?').pluck();
  const packGrant = db
    .prepare("SELECT 1 FROM key_trust t JOIN trusted_keys k USING (fingerprint) WHERE k.public_key = ? AND t.purpose = 'pack' AND t.committee_id = ?")
    .pluck();
  const notesGrant = db.prepare(
    `SELECT p.id, p.full_name AS fullName FROM key_trust t JOIN trusted_keys k USING (fingerprint) JOIN people p ON p.id = t.person_id
      WHERE k.public_key = ? AND t.purpose = 'notes'`,
  );

  const notesKeysOf = db.prepare(
    `SELECT t.person_id AS personId, k.public_key AS publicKey, k.fingerprint
       FROM key_trust t JOIN trusted_keys k USING (fingerprint)
      WHERE t.purpose = 'notes' AND t.person_id IN (SELECT value FROM json_each(?))
      ORDER BY t.person_id, t.granted_at`,
  );

  function find(fingerprint: string): TrustedKey | null {
    const row = selectOne.get(fingerprint) as TrustedKeyRow | undefined;
    if (!row) return null;
    const grants = (selectGrants.all(fingerprint) as GrantRow[]).map(toGrant);
    return { fingerprint: row.fingerprint, publicKey: row.public_key, label: row.label, acceptedAt: row.accepted_at, grants };
  }

  function describeScope(scope: TrustScope): string {
    return scope.purpose === 'pack' ? `pack:${scope.committeeId}` : `notes:${scope.personId}`;
  }

  function grant(fingerprint: string, scope: TrustScope): void {
    const now = ctx.now().toISOString();
    if (scope.purpose === 'pack') {
      const name = (committeeName.get(scope.committeeId) as string | undefined) ?? scope.committeeName ?? null;
      if (name === null) {
        throw new CoreError('INVALID_INPUT', {
          vi: 'Ban Chỉ đạo này chưa có trên máy; cần ghi tên Ban Chỉ đạo mà khóa được tin cậy.',
          en: 'This committee is not on this computer yet; give the name of the committee the key is trusted for.',
        });
      }
      insertGrant.run(fingerprint, 'pack', scope.committeeId, name, null, now);
      return;
    }
    if (personName.get(scope.personId) === undefined) {
      throw new CoreError('NOT_FOUND', {
        vi: 'Không tìm thấy người này trong danh mục cán bộ.',
        en: 'This person is not in the directory.',
      });
    }
    insertGrant.run(fingerprint, 'notes', null, null, scope.personId, now);
  }

  return {
    list(): TrustedKey[] {
      return (selectAll.all() as TrustedKeyRow[]).map((r) => find(r.fingerprint)!);
    },

    /** The trusted key with this fingerprint, or null. */
    find,

    /** Whether this exact key may sign meeting packs of this committee. */
    trustsPack(publicKey: string, committeeId: string): boolean {
      return packGrant.get(publicKey, committeeId) !== undefined;
    },

    /** The directory person this exact key signs notes for, or null when it is not trusted for notes. */
    notesPerson(publicKey: string): { id: string; fullName: string } | null {
      return (notesGrant.get(publicKey) as { id: string; fullName: string } | undefined) ?? null;
    },

    /** The keys trusted as these people's own (for their notes): what a pack seals classified documents to. */
    personalKeys(personIds: string[]): { personId: string; publicKey: string; fingerprint: string }[] {
      return notesKeysOf.all(JSON.stringify(personIds)) as { personId: string; publicKey: string; fingerprint: string }[];
    },

    /** Reads an exported key file so the member can compare its fingerprint before trusting it. */
    inspect(input: MethodInput<'keys.inspect'>): InspectedKey {
      try {
        const { publicKey, label } = readPublicKeyFile(stagedFile(ctx.paths, input.upload), input.upload.fileName);
        const fingerprint = fingerprintOf(publicKey);
        return { publicKey, fingerprint, label, trusted: find(fingerprint) };
      } finally {
        releaseUpload(ctx.paths, input.upload);
      }
    },

    /** Trusts a key for one purpose; a key already known gets the new grant added. */
    trust(input: MethodInput<'keys.trust'>): TrustedKey {
      let publicKey: string;
      let label: string;
      if ('upload' in input) {
        const fromFile = readPublicKeyFile(stagedFile(ctx.paths, input.upload), input.upload.fileName);
        publicKey = fromFile.publicKey;
        label = input.label ?? fromFile.label;
      } else {
        publicKey = input.publicKey;
        label = input.label;
        if (!publicKeyObject(publicKey)) {
          throw new CoreError('INVALID_INPUT', {
            vi: 'Khóa công khai không hợp lệ (cần 32 byte Ed25519, mã hóa base64).',
            en: 'Invalid public key (expected 32 Ed25519 bytes, base64).',
          });
        }
      }
      const fingerprint = fingerprintOf(publicKey);
      const { scope } = input;
      const key = change(
        'profile',
        (audit) => {
          const existing = find(fingerprint);
          const has = existing?.grants.some((g) =>
            g.purpose === 'pack' ? scope.purpose === 'pack' && g.committeeId === scope.committeeId : scope.purpose === 'notes',
          );
          if (existing && has) {
            const notesFor = existing.grants.find((g) => g.purpose === 'notes');
            throw new CoreError(
              'CONFLICT',
              notesFor && scope.purpose === 'notes'
                ? {
                    vi: `Khóa "${existing.label}" đã được tin cậy để ký ghi chú của ${notesFor.personName}; một khóa chỉ ký cho một người.`,
                    en: `The key "${existing.label}" is already trusted to sign notes of ${notesFor.personName}; a key signs for one person only.`,
                  }
                : {
                    vi: `Khóa này đã được tin cậy với tên "${existing.label}" cho mục đích này.`,
                    en: `This key is already trusted as "${existing.label}" for this purpose.`,
                  },
            );
          }
          if (!existing) insert.run(fingerprint, publicKey, label, ctx.now().toISOString());
          grant(fingerprint, scope);
          audit({ action: 'keys.trust', entity: 'trusted_key', entityId: fingerprint, detail: { label, scope: describeScope(scope) } });
          return find(fingerprint)!;
        },
        (k) => k.fingerprint,
      );
      if ('upload' in input) releaseUpload(ctx.paths, input.upload);
      return key;
    },

    untrust(input: MethodInput<'keys.untrust'>): { fingerprint: string } {
      return change(
        'profile',
        (audit) => {
          const existing = find(input.fingerprint);
          if (!existing) {
            throw new CoreError('NOT_FOUND', {
              vi: 'Không có khóa tin cậy với dấu vân tay này.',
              en: 'No trusted key has this fingerprint.',
            });
          }
          const { scope } = input;
          if (!scope) remove.run(input.fingerprint);
          else if (scope.purpose === 'pack') removePackGrant.run(input.fingerprint, scope.committeeId);
          else removeNotesGrant.run(input.fingerprint, scope.personId);
          audit({
            action: 'keys.untrust',
            entity: 'trusted_key',
            entityId: input.fingerprint,
            detail: { label: existing.label, ...(scope ? { scope: describeScope(scope) } : {}) },
          });
          return { fingerprint: input.fingerprint };
        },
        (r) => r.fingerprint,
      );
    },
  };
}

export type TrustedKeysService = ReturnType<typeof createTrustedKeysService>;
