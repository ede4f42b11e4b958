import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type {
  MethodInput,
  PackHistoryEntry,
  PackImportResult,
  PackInspection,
  PackSigner,
  packsMethods,
  ReleaseClassified,
} from '../../../../shared/contract/index.ts';
import { isClassified } from '../../../../shared/contract/index.ts';
import type { ServiceContext } from '../../context.ts';
import type { DomainHandlers } from '../../dispatch.ts';
import { CoreError } from '../../errors.ts';
import { blobKeyOf } from '../../files/blob-file.ts';
import { writeExport } from '../../files/exports.ts';
import { scratchPath } from '../../files/scratch.ts';
import { releaseUpload, stagedFile } from '../../files/staging.ts';
import { commitFile } from '../../fs/durable.ts';
import type { DirectoryDomain, SigningIdentity } from '../directory/index.ts';
import { copyToTemp } from '../documents/blob-store.ts';
import type { DocumentsDomain } from '../documents/index.ts';
import type { Domain } from '../domain.ts';
import type { MeetingsDomain } from '../meetings/index.ts';
import { applyPack, type IndexDocument } from './apply.ts';
import { createPackRelease } from './classified-release.ts';
import { asPackInvalid, assertUniqueIds, downgrade, untrusted } from './refusals.ts';
import { collectPackContent } from './collect.ts';
import { diffPacks } from './diff.ts';
import { packFileName } from './file-name.ts';
import { packAudience, noRecipients, withoutWithheld } from './audience.ts';
import { readPack, type OpenedPack, type Unseal } from './read-pack.ts';
import { openKey } from './sealing.ts';
import { writePack } from './write-pack.ts';
import { createRoomCertificates } from '../live-room/room-certificates.ts';
import { createRoomRecord } from '../live-room/room-record.ts';

export interface PacksDeps {
  directory: DirectoryDomain;
  meetings: MeetingsDomain;
  documents: DocumentsDomain;
}

const PACK_MIME = 'application/vnd.nghisu.meeting-pack+zip';

interface ImportOptions {
  dryRun?: boolean | undefined;
  /** The user saw that the pack is older than the one imported and accepts the rollback. */
  allowDowngrade?: boolean | undefined;
}

async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Meeting packs: export signed by the profile's key; import verified, trusted, diffed, applied whole. */
export function createPacksDomain(ctx: ServiceContext, deps: PacksDeps) {
  const { db } = ctx;
  const indexDocument: IndexDocument = (d, pages) => {
    deps.documents.insertDocument({
      id: d.id,
      sha256: d.blob_sha256,
      fileName: d.file_name,
      kind: d.kind,
      mime: d.mime,
      pages: d.kind === 'pdf' ? (pages ?? []) : null,
      // A PDF whose text the secretariat could not read stays unsearchable here too.
      textFailed: d.kind === 'pdf' && pages === undefined,
      number: d.number,
      notation: d.notation,
      issueDate: d.issue_date,
      issuer: d.issuer,
      summary: d.summary,
      typeCode: d.type_code,
      classification: d.classification,
      urgency: d.urgency,
      previousVersionId: d.previous_version_id,
      createdBy: null,
      createdAt: d.created_at,
    });
  };
  const ownKey = db.prepare('SELECT public_key FROM profile LIMIT 1').pluck();
  const lastImport = db.prepare(
    'SELECT revision, imported_at, manifest_sha FROM pack_imports WHERE meeting_id = ? ORDER BY imported_at DESC, id DESC LIMIT 1',
  );
  const meetingHere = db.prepare('SELECT origin, committee_id FROM meetings WHERE id = ?');
  const documentCommittees = db
    .prepare('SELECT DISTINCT m.committee_id FROM meeting_documents md JOIN meetings m ON m.id = md.meeting_id WHERE md.document_id = ?')
    .pluck();

  /**
   * A key signs packs only for the committees it is trusted for: a pack from one committee's
   * secretariat must not move, rename or reclassify what belongs to another. The profile's own key
   * is the secretariat's own.
   */
  function isTrusted(publicKey: string, committees: Set<string>): boolean {
    if (ownKey.get() === publicKey) return true;
    return [...committees].every((c) => deps.directory.trustedKeys.trustsPack(publicKey, c));
  }

  function mayHoldPackTrust(publicKey: string, fingerprint: string): boolean {
    if (ownKey.get() === publicKey) return true;
    const known = deps.directory.trustedKeys.find(fingerprint);
    return known?.publicKey === publicKey && known.grants.some((g) => g.purpose === 'pack');
  }

  /**
   * Read what goes into the pack (one snapshot), the key to sign it with and whom its classified
   * documents are sealed to; no file yet. Refused before the release is asked for when no one
   * could open them.
   */
  const releaseForPack = createPackRelease(ctx);
  function preparePack(meetingId: string, release: ReleaseClassified | undefined) {
    const identity = deps.directory.signer.current();
    const { content, pageTexts } = collectPackContent(db, meetingId);
    const classified = content.documents.filter((d) => isClassified(d.classification)).length;
    if (classified === 0) return { identity, content, pageTexts, audience: null };
    const audience = packAudience(content, deps.directory.trustedKeys.personalKeys);
    if (audience.recipients.length === 0) throw noRecipients(audience.withoutKey);
    releaseForPack(content, release, { recipients: audience.recipients.map((r) => r.name), withoutKey: audience.withoutKey });
    return { identity, content, pageTexts, audience: { ...audience, documents: classified } };
  }

  const roomCertificates = createRoomCertificates(ctx);
  const roomRecord = createRoomRecord(db);
  async function buildPack(prepared: ReturnType<typeof preparePack>, file: string) {
    const { identity, content, pageTexts, audience } = prepared;
    // Members learn the room's certificate from the signed pack, long before the room opens.
    const record = roomRecord.meetingRecord(content.meeting.id);
    const room = { fingerprint: (await roomCertificates.forMeeting(content.meeting.id)).fingerprint, ...(record ? { record } : {}) };
    const scratchDir = scratchPath(ctx.paths, 'pack-seal');
    let documents: number;
    try {
      if (audience) mkdirSync(scratchDir, { recursive: true });
      ({ documents } = await writePack(file, { paths: ctx.paths, key: blobKeyOf(ctx.databaseKey) }, content, pageTexts, identity, ctx.now(), audience ? { recipients: audience.recipients, scratchDir } : null, room));
    } finally {
      rmSync(scratchDir, { recursive: true, force: true });
    }
    const sealed = audience ? { documents: audience.documents, recipients: audience.recipients.map((r) => r.name), withoutKey: audience.withoutKey } : null;
    db.transaction(() =>
      ctx.audit.record({
        action: 'packs.export',
        entity: 'meeting',
        entityId: content.meeting.id,
        detail: {
          revision: content.meeting.revision,
          documents,
          ...(audience ? { sealedTo: audience.recipients.map((r) => r.fingerprint), withoutKey: audience.withoutKey } : {}),
        },
      }),
    )();
    return { meetingId: content.meeting.id, revision: content.meeting.revision, documents, fingerprint: identity.fingerprint, sealed };
  }

  /** Opens the pack's content key with the profile's key; a laptop with no profile cannot be a recipient. */
  const unseal: Unseal = (sealing) => {
    let identity: SigningIdentity;
    try {
      identity = deps.directory.signer.current();
    } catch (e) {
      if (e instanceof CoreError && e.code === 'PROFILE_REQUIRED') return null;
      throw e;
    }
    return openKey(sealing, identity);
  };

  function inspectOpened(pack: OpenedPack, withheld: PackInspection['withheld']): PackInspection {
    const { manifest, content } = pack;
    const here = meetingHere.get(content.meeting.id) as { origin: string; committee_id: string } | undefined;
    const origin = here?.origin;
    if (origin === 'local') {
      throw new CoreError('INVALID_STATE', {
        vi: 'Cuộc họp trong gói được tạo trên chính máy này; không cần nhập lại.',
        en: 'The meeting in this pack was created on this computer; there is nothing to import.',
      });
    }
    const previous = lastImport.get(content.meeting.id) as { revision: number; imported_at: string; manifest_sha: string } | undefined;
    const changes = origin === 'pack' ? diffPacks(collectPackContent(db, content.meeting.id, { asImported: true }).content, content) : [];
    // Every committee whose rows the pack would change: its own, the meeting's here, and those of
    // the meetings its documents are already attached to (their metadata, classification included).
    const committees = new Set([content.meeting.committee_id, ...(here ? [here.committee_id] : [])]);
    for (const d of content.documents) for (const c of documentCommittees.all(d.id) as string[]) committees.add(c);
    const signer: PackSigner = { ...manifest.signer, trusted: isTrusted(manifest.signer.publicKey, committees) };
    return {
      meeting: {
        id: content.meeting.id,
        title: content.meeting.title,
        startsAt: content.meeting.starts_at,
        endsAt: content.meeting.ends_at,
        committeeId: content.committee.id,
        committeeName: content.committee.name,
        status: content.meeting.status,
      },
      revision: manifest.revision,
      createdAt: manifest.createdAt,
      signer,
      documents: content.documents.length,
      totalBytes: pack.totalBytes,
      previous: previous ? { revision: previous.revision, importedAt: previous.imported_at } : null,
      changes,
      sameAsPrevious: previous?.manifest_sha === pack.manifestSha,
      downgrade: previous !== undefined && manifest.revision < previous.revision,
      withheld,
    };
  }

  /** Open, verify and (unless dry) import; the scratch folder is always removed. */
  async function importPack(file: string, options: ImportOptions): Promise<PackInspection | PackImportResult> {
    const scratch = scratchPath(ctx.paths, 'pack');
    const temps: string[] = [];
    try {
      // A signer with no pack trust at all gets nothing extracted: the preview shows who signed it and
      // the meeting only. Which committees it may sign for is decided from the meeting, below.
      const opened = await readPack(
        file,
        scratch,
        (signer) => (!mayHoldPackTrust(signer.publicKey, signer.fingerprint) ? 'skip' : options.dryRun ? 'verify' : 'extract'),
        unseal,
      );
      assertUniqueIds(opened.content);
      const { pack, withheld } = withoutWithheld(opened);
      const inspection = asPackInvalid(() => inspectOpened(pack, withheld));
      if (options.dryRun) return inspection;
      if (!inspection.signer.trusted) throw untrusted(inspection);
      if (inspection.downgrade && !options.allowDowngrade) throw downgrade(inspection);
      const stored = await encryptedBlobs(pack, temps);
      const { importId, newBlobs } = asPackInvalid(() =>
        applyPack(ctx, { ...pack, blobs: stored }, indexDocument, (id) => deps.documents.reindexMetadata(id), inspection.changes),
      );
      ctx.events.emit('data.changed', { area: 'meetings', id: pack.content.meeting.id });
      ctx.events.emit('data.changed', { area: 'documents' });
      ctx.events.emit('data.changed', { area: 'directory' });
      return { ...inspection, importId, newDocuments: newBlobs };
    } finally {
      rmSync(scratch, { recursive: true, force: true });
      for (const tmp of temps) rmSync(tmp, { force: true });
    }
  }

  /**
   * The pack's verified documents encrypted into the store's temp files (as an import copies a file),
   * before the write transaction places them; each plain scratch copy goes as soon as it is encrypted.
   */
  async function encryptedBlobs(pack: OpenedPack, temps: string[]): Promise<Map<string, string>> {
    const stored = new Map<string, string>();
    for (const [sha256, scratchFile] of pack.blobs) {
      const blob = await copyToTemp(ctx, scratchFile);
      temps.push(blob.tmp);
      rmSync(scratchFile, { force: true });
      if (blob.sha256 !== sha256) throw new CoreError('IO_ERROR', { vi: 'Tệp tạm của gói tài liệu đã bị thay đổi trong khi nhập.', en: 'A pack file changed on disk during the import.' });
      stored.set(sha256, blob.tmp);
    }
    return stored;
  }

  /** Trust the pack's signer for the pack's committee (the CLI's --trust-signer: the admin saw the fingerprint). */
  async function trustSignerOf(file: string): Promise<void> {
    const seen = (await importPack(file, { dryRun: true })) as PackInspection;
    if (seen.signer.trusted) return;
    const known = deps.directory.trustedKeys.find(seen.signer.fingerprint);
    const packs = known?.grants.some((g) => g.purpose === 'pack' && g.committeeId === seen.meeting.committeeId);
    if (packs) return; // trusted for the pack's committee already; what is missing is the meeting's committee here
    deps.directory.trustedKeys.trust({
      publicKey: seen.signer.publicKey,
      label: seen.signer.label,
      scope: { purpose: 'pack', committeeId: seen.meeting.committeeId, committeeName: seen.meeting.committeeName },
    });
  }

  const handlers: DomainHandlers<typeof packsMethods> = {
    'packs.export': async ({ meetingId, releaseClassified }: MethodInput<'packs.export'>) => {
      const prepared = preparePack(meetingId, releaseClassified);
      let built: Awaited<ReturnType<typeof buildPack>> | undefined;
      const file = await writeExport(ctx.paths, packFileName(prepared.content.meeting), PACK_MIME, async (target) => {
        built = await buildPack(prepared, target);
      });
      return { ...built!, file };
    },
    'packs.exportFile': async ({ meetingId, file, overwrite, releaseClassified }: MethodInput<'packs.exportFile'>) => {
      if (existsSync(file) && !overwrite) {
        throw new CoreError('CONFLICT', {
          vi: `Tệp "${file}" đã có. Dùng --force để ghi đè.`,
          en: `"${file}" already exists. Use --force to overwrite it.`,
        });
      }
      const tmp = join(dirname(file), `.${uuidv7()}.tmp`);
      try {
        const built = await buildPack(preparePack(meetingId, releaseClassified), tmp);
        commitFile(tmp, file, dirname(file));
        return {
          ...built,
          file,
          bytes: statSync(file).size,
          sha256: await sha256File(file),
        };
      } catch (e) {
        rmSync(tmp, { force: true });
        if (e instanceof CoreError) throw e;
        throw new CoreError('IO_ERROR', { vi: `Không ghi được tệp "${file}".`, en: `Cannot write "${file}".` }, undefined, { cause: e });
      }
    },
    'packs.inspect': async ({ upload }: MethodInput<'packs.inspect'>) => importPack(stagedFile(ctx.paths, upload), { dryRun: true }),
    'packs.import': async ({ upload, allowDowngrade }: MethodInput<'packs.import'>) => {
      const result = (await importPack(stagedFile(ctx.paths, upload), { allowDowngrade })) as PackImportResult;
      releaseUpload(ctx.paths, upload);
      return result;
    },
    'packs.importFile': async ({ file, dryRun, trustSigner, allowDowngrade }: MethodInput<'packs.importFile'>) => {
      if (!existsSync(file)) {
        throw new CoreError('NOT_FOUND', { vi: `Không tìm thấy tệp "${file}".`, en: `File not found: "${file}".` });
      }
      if (trustSigner && !dryRun) await trustSignerOf(file);
      return importPack(file, { dryRun, allowDowngrade });
    },
    'packs.history': ({ meetingId }: MethodInput<'packs.history'>) =>
      (
        db
          .prepare('SELECT id, revision, signer, imported_at, summary FROM pack_imports WHERE meeting_id = ? ORDER BY imported_at DESC, id DESC')
          .all(meetingId) as { id: string; revision: number; signer: string; imported_at: string; summary: string }[]
      ).map((r): PackHistoryEntry => ({ id: r.id, revision: r.revision, signer: r.signer, importedAt: r.imported_at, changes: JSON.parse(r.summary) })),
  };
  return { handlers } satisfies Domain;
}

export type PacksDomain = ReturnType<typeof createPacksDomain>;
