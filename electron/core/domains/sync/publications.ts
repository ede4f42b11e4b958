import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { MethodInput, MethodName, MethodOutput, SyncPublication } from '../../../../shared/contract/index.ts';
import { publicationsPage, type Publication, type PublicationRecord } from '../../../../shared/sync/wire.ts';
import type { ServiceContext } from '../../context.ts';
import { CoreError } from '../../errors.ts';
import { fsyncDir, fsyncFile } from '../../fs/durable.ts';
import type { DocumentsDomain } from '../documents/index.ts';
import type { PacksDomain } from '../packs/index.ts';
import { packFileName } from '../packs/file-name.ts';
import type { HubClient } from './hub-client.ts';
import { HubError } from './hub-error.ts';
import type { SyncStore } from './sync-store.ts';

interface Row {
  id: string;
  direction: 'out' | 'in';
  kind: SyncPublication['kind'];
  meeting_id: string;
  title: string;
  sha256: string;
  file_name: string;
  payload: string;
  state: SyncPublication['state'];
  message: string | null;
  created_at: string;
}

/** Another domain's method, called in-process with its validated input type. */
function method<M extends MethodName>(handlers: object, name: M): (input: MethodInput<M>) => Promise<MethodOutput<M>> {
  const fn = (handlers as Record<string, (input: unknown) => unknown>)[name]!;
  return async (input) => (await fn(input)) as MethodOutput<M>;
}

const view = (r: Row): SyncPublication => ({
  id: r.id,
  direction: r.direction,
  kind: r.kind,
  meetingId: r.meeting_id,
  title: r.title,
  fileName: r.file_name,
  state: r.state,
  message: r.message,
  createdAt: r.created_at,
});

/**
 * Meeting packs through the hub: the secretariat publishes a published meeting's signed pack for the
 * committee's units; a member's laptop fetches it when online and imports it exactly as a pack from
 * a file — signature, trust per committee, downgrade refusal — or keeps it waiting for the user to
 * trust its signer. The files are kept by hash in <data>/sync-files/.
 */
export function createPublications(
  ctx: ServiceContext,
  store: SyncStore,
  deps: { packs: Pick<PacksDomain, 'handlers'>; documents: Pick<DocumentsDomain, 'handlers'> },
) {
  const { db } = ctx;
  const dir = join(ctx.paths.dataDir, 'sync-files');
  const meeting = db.prepare('SELECT id, title, starts_at, committee_id, classification, status FROM meetings WHERE id = ?');
  const recipients = db
    .prepare(
      `SELECT DISTINCT o.organ_code FROM committee_members cm LEFT JOIN people p ON p.id = cm.person_id
         JOIN organizations o ON o.id = coalesce(cm.organization_id, p.organization_id)
        WHERE cm.committee_id = ? AND o.organ_code IS NOT NULL ORDER BY o.organ_code`,
    )
    .pluck();
  const insert = db.prepare(
    `INSERT INTO sync_publications (id, direction, kind, meeting_id, title, sha256, file_name, payload, state, message, created_at, updated_at)
     VALUES (@id, @direction, @kind, @meeting_id, @title, @sha256, @file_name, @payload, @state, @message, @now, @now)`,
  );
  const setState = db.prepare('UPDATE sync_publications SET state = ?, message = ?, updated_at = ? WHERE id = ?');
  const byId = db.prepare('SELECT * FROM sync_publications WHERE id = ?');
  const pendingOut = db.prepare("SELECT * FROM sync_publications WHERE direction = 'out' AND state = 'pending' ORDER BY created_at, id");
  const all = db.prepare('SELECT * FROM sync_publications ORDER BY created_at DESC, id DESC');
  const uploaded = db.prepare('SELECT 1 FROM sync_files WHERE sha256 = ?').pluck();
  const markUploaded = db.prepare('INSERT OR IGNORE INTO sync_files (sha256, uploaded_at) VALUES (?, ?)');

  const fileOf = (sha256: string) => join(dir, sha256);

  /** Moves `tmp` to its place by hash, durably (fsynced before any row names it). */
  function keep(tmp: string): { sha256: string; size: number } {
    const bytes = readFileSync(tmp);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    fsyncFile(tmp);
    renameSync(tmp, fileOf(sha256));
    fsyncDir(dir);
    return { sha256, size: bytes.length };
  }

  async function importReceived(row: Row): Promise<{ state: SyncPublication['state']; message: string | null }> {
    const file = fileOf(row.sha256);
    try {
      if (row.kind === 'meeting_pack') await method(deps.packs.handlers, 'packs.importFile')({ file });
      else await method(deps.documents.handlers, 'documents.importFiles')({ paths: [file] });
      return { state: 'imported', message: null };
    } catch (e) {
      if (!(e instanceof CoreError)) throw e;
      return { state: e.code === 'PACK_UNTRUSTED' ? 'waiting' : 'refused', message: e.payload.message.vi };
    }
  }

  return {
    list: (): SyncPublication[] => (all.all() as Row[]).map(view),

    async publishPack(meetingId: string): Promise<SyncPublication> {
      if (!store.configured()) {
        throw new CoreError('INVALID_STATE', { vi: 'Chưa kết nối Hệ thống điều hành: hãy kết nối trong Cài đặt → Liên thông.', en: 'Not connected to the operations system: connect in Settings → Sync.' });
      }
      const m = meeting.get(meetingId) as { id: string; title: string; starts_at: string; committee_id: string; classification: string; status: string } | undefined;
      if (!m) throw new CoreError('NOT_FOUND', { vi: 'Không tìm thấy cuộc họp.', en: 'Meeting not found.' });
      if (m.classification !== 'normal') {
        throw new CoreError('INVALID_STATE', { vi: 'Cuộc họp mật: gói tài liệu không được gửi qua Hệ thống điều hành.', en: 'A classified meeting: its pack never goes through the operations system.' });
      }
      const tmp = join(ctx.paths.tmp, `publish-${uuidv7()}.nghisu`);
      try {
        const built = await method(deps.packs.handlers, 'packs.exportFile')({ meetingId, file: tmp, overwrite: true });
        const { sha256, size } = keep(tmp);
        const fileName = packFileName({ ...m, revision: built.revision });
        const body: Publication = {
          kind: 'meeting_pack',
          meetingId,
          title: m.title.slice(0, 500),
          file: { sha256, fileName, size },
          publishedAt: ctx.now().toISOString(),
          recipients: recipients.all(m.committee_id) as string[],
        };
        const id = uuidv7();
        db.transaction(() => {
          insert.run({ id, direction: 'out', kind: body.kind, meeting_id: meetingId, title: body.title, sha256, file_name: fileName, payload: JSON.stringify(body), state: 'pending', message: null, now: body.publishedAt });
          ctx.audit.record({ action: 'sync.publish', entity: 'meeting', entityId: meetingId, detail: { revision: built.revision, sha256, recipients: body.recipients } });
        }).immediate();
        return view(byId.get(id) as Row);
      } finally {
        rmSync(tmp, { force: true });
      }
    },

    /** Sends what waits; a publication the hub refuses is marked, the others go on. */
    async push(client: HubClient): Promise<number> {
      let sent = 0;
      for (const row of pendingOut.all() as Row[]) {
        if (!uploaded.get(row.sha256)) {
          await client.putFile(row.sha256, readFileSync(fileOf(row.sha256)));
          markUploaded.run(row.sha256, ctx.now().toISOString());
        }
        try {
          await client.put(`/v1/publications/${row.id}`, JSON.parse(row.payload));
          setState.run('sent', null, ctx.now().toISOString(), row.id);
          sent += 1;
        } catch (e) {
          if (!(e instanceof HubError) || e.failure !== 'protocol' || e.status === undefined || e.status >= 500) throw e;
          setState.run('rejected', e.vi, ctx.now().toISOString(), row.id);
        }
      }
      return sent;
    },

    /** Follows the publications addressed to this laptop's unit; each is fetched, kept and imported on its own. */
    async pull(client: HubClient): Promise<number> {
      let received = 0;
      const own = store.get('unitCode');
      for (;;) {
        const cursor = store.get('pubCursor');
        const query = new URLSearchParams({ limit: '100', ...(cursor ? { cursor } : {}) });
        const page = await client.json('GET', `/v1/publications?${query}`, publicationsPage);
        for (const p of page.publications as PublicationRecord[]) {
          if (p.publisherUnit !== own && !byId.get(p.id)) {
            if (!existsSync(fileOf(p.file.sha256))) {
              const tmp = join(ctx.paths.tmp, `received-${uuidv7()}`);
              await client.getFile(p.file.sha256, tmp);
              keep(tmp);
            }
            const row: Row = {
              id: p.id,
              direction: 'in',
              kind: p.kind,
              meeting_id: p.meetingId,
              title: p.title,
              sha256: p.file.sha256,
              file_name: p.file.fileName,
              payload: JSON.stringify(p),
              state: 'waiting',
              message: null,
              created_at: ctx.now().toISOString(),
            };
            Object.assign(row, await importReceived(row));
            insert.run({ ...row, now: row.created_at });
            received += 1;
          }
        }
        store.set('pubCursor', page.cursor);
        if (!page.more || page.publications.length === 0) return received;
      }
    },

    async importWaiting(id: string, trustSigner: boolean): Promise<SyncPublication> {
      const row = byId.get(id) as Row | undefined;
      if (!row || row.direction !== 'in') throw new CoreError('NOT_FOUND', { vi: 'Không có gói tài liệu nhận được này.', en: 'No such received publication.' });
      if (row.state === 'imported') return view(row);
      if (trustSigner && row.kind === 'meeting_pack') {
        await method(deps.packs.handlers, 'packs.importFile')({ file: fileOf(row.sha256), trustSigner: true });
        setState.run('imported', null, ctx.now().toISOString(), id);
      } else {
        const outcome = await importReceived(row);
        setState.run(outcome.state, outcome.message, ctx.now().toISOString(), id);
      }
      return view(byId.get(id) as Row);
    },
  };
}

export type Publications = ReturnType<typeof createPublications>;
