import { rmSync } from 'node:fs';
import { v7 as uuidv7 } from 'uuid';
import {
  foldText,
  type ExportedFile,
  type MethodInput,
  type Profile,
  type PublicKeyFile,
  type WorkRole,
} from '../../../../shared/contract/index.ts';
import type { ServiceContext } from '../../context.ts';
import { CoreError } from '../../errors.ts';
import { writeExport } from '../../files/exports.ts';
import type { ChangeWriter } from './changes.ts';
import { notFound } from './errors.ts';
import { fingerprintOf, generateSigningKey, keyFilePath, writeKeyFile } from './signing.ts';

interface ProfileRow {
  id: string;
  full_name: string;
  position: string;
  organization_id: string | null;
  unit_name: string;
  work_role: WorkRole;
  public_key: string;
  key_fingerprint: string;
  created_at: string;
  updated_at: string;
}

function toProfile(row: ProfileRow): Profile {
  return {
    id: row.id,
    fullName: row.full_name,
    position: row.position,
    unitName: row.unit_name,
    organizationId: row.organization_id,
    workRole: row.work_role,
    publicKey: row.public_key,
    fingerprint: row.key_fingerprint,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** "khoa-cong-khai-nguyen-van-a.json": a name that survives every file system and e-mail client. */
export function publicKeyFileName(fullName: string): string {
  const slug = foldText(fullName)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `khoa-cong-khai-${slug || 'ho-so'}.json`;
}

export function profileRequired(): CoreError {
  return new CoreError('PROFILE_REQUIRED', {
    vi: 'Chưa có hồ sơ người dùng trên máy này. Hãy tạo hồ sơ trước.',
    en: 'There is no user profile on this computer yet. Create the profile first.',
  });
}

/**
 * The one person using this install. Creating the profile also makes its Ed25519 signing key: the
 * private half in keys/<id>.ed25519.pem (never in the database, the log or an answer), the public
 * half and its fingerprint in the row.
 */
export function createProfileService(ctx: ServiceContext, change: ChangeWriter) {
  const { db } = ctx;
  const select = db.prepare('SELECT * FROM profile LIMIT 1');
  const organizationExists = db.prepare('SELECT 1 FROM organizations WHERE id = ?').pluck();
  const insert = db.prepare(
    `INSERT INTO profile (id, full_name, position, organization_id, unit_name, work_role, public_key, key_fingerprint, created_at, updated_at)
     VALUES (@id, @fullName, @position, @organizationId, @unitName, @workRole, @publicKey, @fingerprint, @now, @now)`,
  );
  const update = db.prepare(
    `UPDATE profile SET full_name = @fullName, position = @position, organization_id = @organizationId,
       unit_name = @unitName, work_role = @workRole, updated_at = @now WHERE id = @id`,
  );

  function get(): Profile | null {
    const row = select.get() as ProfileRow | undefined;
    return row ? toProfile(row) : null;
  }

  function requireProfile(): Profile {
    const profile = get();
    if (!profile) throw profileRequired();
    return profile;
  }

  function assertOrganization(organizationId: string | null): void {
    if (organizationId !== null && !organizationExists.get(organizationId)) throw notFound('cơ quan, đơn vị đã chọn', 'The chosen unit');
  }

  function alreadyExists(existing: Profile): CoreError {
    return new CoreError('CONFLICT', {
      vi: `Máy này đã có hồ sơ của ${existing.fullName}. Mỗi máy chỉ có một hồ sơ; hãy sửa hồ sơ hiện có.`,
      en: `This computer already has the profile of ${existing.fullName}. There is one profile per computer; edit the existing one.`,
    });
  }

  return {
    get,
    requireProfile,

    create(input: MethodInput<'profile.create'>): Profile {
      const existing = get();
      if (existing) throw alreadyExists(existing);
      assertOrganization(input.organizationId ?? null);
      const id = uuidv7();
      const { publicKey, privateKeyPem } = generateSigningKey();
      const fingerprint = fingerprintOf(publicKey);
      writeKeyFile(ctx.paths, id, privateKeyPem);
      try {
        return change(
          'profile',
          (audit) => {
            const raced = get();
            if (raced) throw alreadyExists(raced);
            const now = ctx.now().toISOString();
            insert.run({ ...input, organizationId: input.organizationId ?? null, id, publicKey, fingerprint, now });
            audit({ action: 'profile.create', entity: 'profile', entityId: id, detail: { workRole: input.workRole, fingerprint } });
            return requireProfile();
          },
          (p) => p.id,
        );
      } catch (e) {
        // No row names this key: it must not linger as a second, unexplained signing key.
        rmSync(keyFilePath(ctx.paths, id), { force: true });
        throw e;
      }
    },

    update(input: MethodInput<'profile.update'>): Profile {
      const current = requireProfile();
      assertOrganization(input.organizationId ?? null);
      return change(
        'profile',
        (audit) => {
          update.run({ ...input, organizationId: input.organizationId ?? null, id: current.id, now: ctx.now().toISOString() });
          audit({ action: 'profile.update', entity: 'profile', entityId: current.id, detail: { workRole: input.workRole } });
          return requireProfile();
        },
        (p) => p.id,
      );
    },

    async exportPublicKey(): Promise<ExportedFile> {
      const profile = requireProfile();
      const file: PublicKeyFile = {
        format: 'nghisu-public-key',
        version: 1,
        label: { fullName: profile.fullName, position: profile.position, unitName: profile.unitName },
        publicKey: profile.publicKey,
        fingerprint: profile.fingerprint,
      };
      return writeExport(ctx.paths, publicKeyFileName(profile.fullName), 'application/json', `${JSON.stringify(file, null, 2)}\n`);
    },
  };
}

export type ProfileService = ReturnType<typeof createProfileService>;
