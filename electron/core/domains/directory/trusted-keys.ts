import { readFileSync, statSync } from 'node:fs';
import { publicKeyFile, type InspectedKey, type MethodInput, type TrustedKey } from '../../../../shared/contract/index.ts';
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

function toTrustedKey(row: TrustedKeyRow): TrustedKey {
  return { fingerprint: row.fingerprint, publicKey: row.public_key, label: row.label, acceptedAt: row.accepted_at };
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
 * Keys of secretariats whose meeting packs this member accepts. Trust is a deliberate act: the
 * member compares the fingerprint with the secretariat (by phone or on paper) before accepting.
 */
export function createTrustedKeysService(ctx: ServiceContext, change: ChangeWriter) {
  const { db } = ctx;
  const selectAll = db.prepare('SELECT * FROM trusted_keys ORDER BY label COLLATE NOCASE, fingerprint');
  const selectOne = db.prepare('SELECT * FROM trusted_keys WHERE fingerprint = ?');
  const insert = db.prepare('INSERT INTO trusted_keys (fingerprint, public_key, label, accepted_at) VALUES (?, ?, ?, ?)');
  const remove = db.prepare('DELETE FROM trusted_keys WHERE fingerprint = ?');

  function find(fingerprint: string): TrustedKey | null {
    const row = selectOne.get(fingerprint) as TrustedKeyRow | undefined;
    return row ? toTrustedKey(row) : null;
  }

  return {
    list(): TrustedKey[] {
      return (selectAll.all() as TrustedKeyRow[]).map(toTrustedKey);
    },

    /** The trusted key with this fingerprint, or null: what a pack import checks its signer against. */
    find,

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
      const key = change(
        'profile',
        (audit) => {
          const existing = find(fingerprint);
          if (existing) {
            throw new CoreError('CONFLICT', {
              vi: `Khóa này đã được tin cậy với tên "${existing.label}".`,
              en: `This key is already trusted as "${existing.label}".`,
            });
          }
          insert.run(fingerprint, publicKey, label, ctx.now().toISOString());
          audit({ action: 'keys.trust', entity: 'trusted_key', entityId: fingerprint, detail: { label } });
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
          remove.run(input.fingerprint);
          audit({ action: 'keys.untrust', entity: 'trusted_key', entityId: input.fingerprint, detail: { label: existing.label } });
          return { fingerprint: input.fingerprint };
        },
        (r) => r.fingerprint,
      );
    },
  };
}

export type TrustedKeysService = ReturnType<typeof createTrustedKeysService>;
