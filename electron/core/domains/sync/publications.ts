import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { MethodInput, MethodName, MethodOutput, SyncPublication } from '../../../../shared/contract/index.ts';
import { PUBLICATION_KINDS, publicationsPage, type Publication, type PublicationRecord } from '../../../../shared/sync/wire.ts';
import type { ServiceContext } from '../../context.ts';
import { CoreError } from '../../errors.ts';
import { fsyncDir, fsyncFile } from '../../fs/durable.ts';
import type { DocumentsDomain } from '../documents/index.ts';
import type { OpinionsDomain } from '../opinions/index.ts';
import type { PacksDomain } from '../packs/index.ts';
import { packFileName } from '../packs/file-name.ts';
import type { HubClient } from './hub-client.ts';
import { HubError } from './hub-error.ts';
import type { SyncStore } from './sync-store.ts';

interface Row {
  id: string;
  direction: 'out' | 'in';
  kind: SyncPublication['kind'];
  meeting_id: string | null;
  request_id: string | null;
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
  requestId: r.request_id,
  title: r.title,
  fileName: r.file_name,
  state: r.state,
  message: r.message,
  createdAt: r.created_at,
});

const notConnected = () =>
  new CoreError('INVALID_STATE', { vi: 'Chưa kết nối Hệ thống điều hành: hãy kết nối trong Cài đặt → Liên thông.', en: 'Not connected to the operations system: connect in Settings → Sync.' });

/**
 * Signed files through the hub. The secretariat publishes a published meeting's pack for the
 * committee's units, and a written-opinions request for the units of the members asked; a member's
 * laptop sends its signed answers back to the unit that asked. The receiving laptop fetches each
 * when online and imports it exactly as the same file handed over by hand — signature, trust,
 * downgrade refusal — or keeps it waiting for the user to trust its signer. The files are kept by
 * hash in <data>/sync-files/.
 */
export function createPublications(
  ctx: ServiceContext,
  store: SyncStore,
  deps: { packs: Pick<PacksDomain, 'handlers'>; documents: Pick<DocumentsDomain, 'handlers'>; opinions: Pick<OpinionsDomain, 'handlers'> },
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
  // The units of the people asked: their own organisation's code (members are people here).
  const askedUnits = db
    .prepare(
      `SELECT DISTINCT o.organ_code FROM opinion_recipients r JOIN people p ON p.id = r.person_id JOIN organizations o ON o.id = p.organization_id
        WHERE r.request_id = ? AND o.organ_code IS NOT NULL ORDER BY o.organ_code`,
    )
    .pluck();
  const opinionRequest = db.prepare('SELECT id, origin, title FROM opinion_requests WHERE id = ?');
  const receivedRequest = db.prepare(
    "SELECT payload FROM sync_publications WHERE direction = 'in' AND kind = 'opinion_request' AND request_id = ? ORDER BY created_at DESC LIMIT 1",
  );
  const insert = db.prepare(
    `INSERT INTO sync_publications (id, direction, kind, meeting_id, request_id, title, sha256, file_name, payload, state, message, created_at, updated_at)
     VALUES (@id, @direction, @kind, @meeting_id, @request_id, @title, @sha256, @file_name, @payload, @state, @message, @now, @now)`,
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
      else if (row.kind === 'conclusion_notice') await method(deps.documents.handlers, 'documents.importFiles')({ paths: [file] });
      else await method(deps.opinions.handlers, 'opinions.importFile')({ file });
      return { state: 'imported', message: null };
    } catch (e) {
      if (!(e instanceof CoreError)) throw e;
      return { state: e.code === 'PACK_UNTRUSTED' ? 'waiting' : 'refused', message: e.payload.message.vi };
    }
  }

  /**
   * Writes a signed opinions file with `write`, keeps it by hash and queues its publication; the
   * file is fsynced before the row naming it is committed.
   */
  async function queueFile(
    kind: 'opinion_request' | 'opinion_answers',
    requestId: string,
    title: string,
    recipients: string[],
    write: (file: string) => Promise<unknown>,
  ): Promise<SyncPublication> {
    const tmp = join(ctx.paths.tmp, `publish-${uuidv7()}.nsykien`);
    try {
      await write(tmp);
      const { sha256, size } = keep(tmp);
      const fileName = `${kind === 'opinion_request' ? 'phieu-lay-y-kien' : 'tra-loi-y-kien'}-${requestId.slice(0, 8)}.nsykien`;
      const body: Publication = { kind, requestId, title: title.slice(0, 500), file: { sha256, fileName, size }, publishedAt: ctx.now().toISOString(), recipients };
      const id = uuidv7();
      db.transaction(() => {
        insert.run({ id, direction: 'out', kind, meeting_id: null, request_id: requestId, title: body.title, sha256, file_name: fileName, payload: JSON.stringify(body), state: 'pending', message: null, now: body.publishedAt });
        ctx.audit.record({ action: 'sync.publish', entity: 'opinion_request', entityId: requestId, detail: { kind, sha256, recipients } });
      }).immediate();
      return view(byId.get(id) as Row);
    } finally {
      rmSync(tmp, { force: true });
    }
  }

  return {
    list: (): SyncPublication[] => (all.all() as Row[]).map(view),

    async publishPack(meetingId: string): Promise<SyncPublication> {
      if (!store.configured()) throw notConnected();
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
          insert.run({ id, direction: 'out', kind: body.kind, meeting_id: meetingId, request_id: null, title: body.title, sha256, file_name: fileName, payload: JSON.stringify(body), state: 'pending', message: null, now: body.publishedAt });
          ctx.audit.record({ action: 'sync.publish', entity: 'meeting', entityId: meetingId, detail: { revision: built.revision, sha256, recipients: body.recipients } });
        }).immediate();
        return view(byId.get(id) as Row);
      } finally {
        rmSync(tmp, { force: true });
      }
    },

    /**
     * Secretariat: the signed request file, queued for the units of the members asked. A member
     * with no unit code in the directory cannot be reached through the hub: the request goes to the
     * others and the secretariat hands that member the file.
     */
    async publishOpinionRequest(requestId: string): Promise<SyncPublication> {
      if (!store.configured()) throw notConnected();
      const r = opinionRequest.get(requestId) as { id: string; origin: string; title: string } | undefined;
      if (!r) throw new CoreError('NOT_FOUND', { vi: 'Không tìm thấy phiếu lấy ý kiến.', en: 'Opinion request not found.' });
      if (r.origin !== 'local') {
        throw new CoreError('INVALID_STATE', { vi: 'Chỉ gửi được phiếu lấy ý kiến lập trên máy này.', en: 'Only a request made on this laptop can be sent.' });
      }
      const units = askedUnits.all(requestId) as string[];
      if (units.length === 0) {
        throw new CoreError('INVALID_STATE', {
          vi: 'Không người nào được xin ý kiến thuộc đơn vị có mã định danh trong danh mục: không gửi được qua Hệ thống điều hành, hãy gửi tệp.',
          en: 'None of the people asked belongs to a unit with an organ code in the directory: send the file instead.',
        });
      }
      return queueFile('opinion_request', requestId, r.title, units, (file) => method(deps.opinions.handlers, 'opinions.exportFile')({ requestId, file, overwrite: true }));
    },

    /** Member: this laptop's signed answers, queued for the unit that sent the request through the hub. */
    async publishOpinionAnswers(requestId: string): Promise<SyncPublication> {
      if (!store.configured()) throw notConnected();
      const r = opinionRequest.get(requestId) as { id: string; origin: string; title: string } | undefined;
      if (!r || r.origin !== 'received') throw new CoreError('NOT_FOUND', { vi: 'Không có phiếu lấy ý kiến nhận được này.', en: 'No such received opinion request.' });
      const came = receivedRequest.get(requestId) as { payload: string } | undefined;
      if (!came) {
        throw new CoreError('INVALID_STATE', {
          vi: 'Phiếu này được nhận bằng tệp, không qua Hệ thống điều hành: hãy xuất tệp trả lời và gửi cho bộ phận thư ký.',
          en: 'This request came as a file, not through the operations system: export the answers file and send it to the secretariat.',
        });
      }
      const asker = (JSON.parse(came.payload) as PublicationRecord).publisherUnit;
      return queueFile('opinion_answers', requestId, r.title, [asker], (file) => method(deps.opinions.handlers, 'opinions.exportAnswersFile')({ requestId, file, overwrite: true }));
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
        const query = new URLSearchParams({ limit: '100', kinds: PUBLICATION_KINDS.join(','), ...(cursor ? { cursor } : {}) });
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
              meeting_id: 'meetingId' in p ? p.meetingId : null,
              request_id: 'requestId' in p ? p.requestId : null,
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

    async importWaiting(id: string, trust: { trustSigner: boolean; personId?: string | undefined }): Promise<SyncPublication> {
      const row = byId.get(id) as Row | undefined;
      if (!row || row.direction !== 'in') throw new CoreError('NOT_FOUND', { vi: 'Không có tệp nhận được này.', en: 'No such received publication.' });
      if (row.state === 'imported') return view(row);
      const file = fileOf(row.sha256);
      if (trust.trustSigner && row.kind === 'meeting_pack') {
        await method(deps.packs.handlers, 'packs.importFile')({ file, trustSigner: true });
        setState.run('imported', null, ctx.now().toISOString(), id);
      } else if (trust.trustSigner && (row.kind === 'opinion_request' || row.kind === 'opinion_answers')) {
        if (row.kind === 'opinion_answers' && !trust.personId) {
          throw new CoreError('INVALID_INPUT', { vi: 'Hãy chọn người được xin ý kiến mà khóa này là của họ.', en: 'Choose the person asked whose key this is.' });
        }
        await method(deps.opinions.handlers, 'opinions.importFile')({ file, trustSigner: true, ...(trust.personId ? { personId: trust.personId } : {}) });
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
