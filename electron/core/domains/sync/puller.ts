import { open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { changesPage, MAX_PAGE, type AssignmentSnapshot } from '../../../../shared/sync/wire.ts';
import type { ServiceContext } from '../../context.ts';
import type { DocumentsDomain } from '../documents/index.ts';
import type { NewDocument } from '../documents/document-writer.ts';
import { detectFileType } from '../documents/file-type.ts';
import { createSnapshotApplier } from './apply-snapshot.ts';
import type { HubClient } from './hub-client.ts';
import { HubError } from './hub-error.ts';
import type { SyncStore } from './sync-store.ts';

export type PullDocuments = Pick<DocumentsDomain, 'storeBlobFromFile' | 'extractPdfText' | 'insertDocument'>;

/**
 * Follows the hub's changes feed: a page is checked whole (contract, positions moving forward,
 * units known, evidence files fetched and verified) before one transaction applies it together
 * with the new cursor, so a crash or a bad page leaves the laptop exactly as before.
 */
export function createPuller(ctx: ServiceContext, store: SyncStore, documents: PullDocuments) {
  const { db } = ctx;
  const applier = createSnapshotApplier(db);
  const documentOf = db.prepare('SELECT id FROM documents WHERE blob_sha256 = ? ORDER BY created_at LIMIT 1').pluck();

  function checkOrder(page: AssignmentSnapshot[]): void {
    let last = Number(store.get('position') ?? '0');
    for (const s of page) {
      if (s.position <= last) {
        throw new HubError(
          'protocol',
          'Hệ thống điều hành gửi lại dữ liệu cũ hơn dữ liệu đã nhận (con trỏ đi lùi): không áp dụng gì. Hãy báo quản trị viên hệ thống.',
          'The operations system sent data older than what was already received (the cursor went backwards): nothing applied. Tell the hub’s administrator.',
        );
      }
      last = s.position;
    }
  }

  /** Evidence files the page names and this laptop lacks: downloaded, verified, stored, read; documents made in the page's transaction. */
  async function fetchEvidence(client: HubClient, page: AssignmentSnapshot[]): Promise<{ map: Map<string, string>; fresh: NewDocument[] }> {
    const map = new Map<string, string>();
    const fresh: NewDocument[] = [];
    for (const s of page) {
      for (const e of s.events) {
        for (const f of e.documents) {
          if (map.has(f.sha256)) continue;
          const existing = documentOf.get(f.sha256) as string | undefined;
          if (existing) {
            map.set(f.sha256, existing);
            continue;
          }
          const tmp = join(ctx.paths.tmp, `sync-${process.pid}-${uuidv7()}`);
          try {
            await client.getFile(f.sha256, tmp);
            const head = Buffer.alloc(8);
            const fh = await open(tmp, 'r');
            await fh.read(head, 0, 8, 0);
            await fh.close();
            const type = detectFileType(head, f.fileName);
            await documents.storeBlobFromFile(tmp, f.sha256);
            const pages = type.kind === 'pdf' ? await documents.extractPdfText(tmp, f.fileName).then((t) => t.pages, () => null) : null;
            const id = uuidv7();
            const now = ctx.now().toISOString();
            fresh.push({
              id,
              sha256: f.sha256,
              fileName: f.fileName,
              kind: type.kind,
              mime: type.mime,
              pages,
              textFailed: type.kind === 'pdf' && pages === null,
              number: null,
              notation: null,
              issueDate: null,
              issuer: null,
              summary: `Minh chứng nhận từ Hệ thống điều hành: ${f.fileName}`,
              typeCode: null,
              classification: 'normal',
              urgency: 'normal',
              createdBy: null,
              createdAt: now,
            });
            map.set(f.sha256, id);
          } finally {
            await rm(tmp, { force: true });
          }
        }
      }
    }
    return { map, fresh };
  }

  return {
    async pull(client: HubClient, limit = MAX_PAGE): Promise<{ pulled: number; received: number }> {
      let pulled = 0;
      let received = 0;
      for (;;) {
        const cursor = store.get('cursor');
        const query = new URLSearchParams({ limit: String(limit), ...(cursor ? { cursor } : {}) });
        const page = await client.json('GET', `/v1/changes?${query}`, changesPage);
        checkOrder(page.changes);
        const { map, fresh } = await fetchEvidence(client, page.changes);
        const own = store.get('unitCode');
        const now = ctx.now().toISOString();
        try {
          db.transaction(() => {
            for (const d of fresh) documents.insertDocument(d);
            let created = 0;
            for (const s of page.changes) if (applier.apply(s, own, map, now) === 'new') created += 1;
            store.set('cursor', page.cursor);
            const lastPosition = page.changes.at(-1)?.position;
            if (lastPosition !== undefined) store.set('position', String(lastPosition));
            if (page.changes.length) {
              ctx.audit.record({ action: 'sync.pull', entity: 'sync', detail: { changes: page.changes.length, new: created } });
            }
            received += created;
          }).immediate();
        } catch (e) {
          if (e instanceof HubError) throw e;
          const code = (e as { code?: string }).code ?? '';
          if (code.startsWith('SQLITE_CONSTRAINT')) {
            throw new HubError('protocol', 'Hệ thống điều hành gửi nhiệm vụ có dữ liệu không hợp lệ (ví dụ hạn trước ngày giao): không áp dụng gì.', 'The operations system sent a task with invalid data (e.g. due before assigned): nothing applied.');
          }
          throw e;
        }
        pulled += page.changes.length;
        if (!page.more || page.changes.length === 0) return { pulled, received };
      }
    },
  };
}
