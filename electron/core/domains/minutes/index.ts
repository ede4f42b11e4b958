import { v7 as uuidv7 } from 'uuid';
import type {
  MeetingDetail,
  MethodInput,
  MinutesConclusion,
  MinutesView,
  minutesMethods,
  noticeMethods,
} from '../../../../shared/contract/index.ts';
import { conclusionsOf, duplicateIds } from '../../../../shared/minutes/blocks.ts';
import type { BlockNode, MinutesContent } from '../../../../shared/minutes/document.ts';
import type { ServiceContext } from '../../context.ts';
import type { DomainHandlers } from '../../dispatch.ts';
import { CoreError, invalidInput } from '../../errors.ts';
import type { Domain } from '../domain.ts';
import type { MeetingsDomain } from '../meetings/index.ts';
import { refuseOversize } from './content-size.ts';
import { diffContents } from './minutes-diff.ts';
import { createMinutesExports, type ImportIntoMeeting } from './minutes-exports.ts';
import { createNoticeHandlers } from './notice/notice-handlers.ts';
import { createOfficialFacts } from './official-facts.ts';
import { actorOf, contentHash, createMinutesStore, toRevisionSummary, type ActorFields, type MinutesRow } from './minutes-store.ts';
import { prefillBlocks } from './prefill.ts';
import { planRefresh } from './refresh.ts';
import { createRoomRecord } from '../live-room/room-record.ts';

/** Saves by the same person within this long are one revision: history shows sittings, not keystrokes. */
const REVISION_SITTING_MS = 10 * 60 * 1000;

/** The meeting as a save checks it: who may write, and which agenda items exist. */
interface MeetingFacts extends Pick<MeetingDetail, 'origin' | 'status'> {
  itemIds: ReadonlySet<string>;
}

const OPEN_STATUSES = new Set(['in_progress', 'ended']);

function emptyContent(children: BlockNode[]): MinutesContent {
  return { root: { type: 'root', children, direction: null, format: '', indent: 0, version: 1 } };
}

/**
 * Minutes (biên bản): prefilled from the meeting, autosaved from the editor as whole contents with
 * a version check, grouped into revisions, finalized with the hash of the canonical content; and
 * the Thông báo kết luận made from their conclusions (notice/).
 */
export function createMinutesDomain(ctx: ServiceContext, deps: { meetings: Pick<MeetingsDomain, 'reader'>; importIntoMeeting: ImportIntoMeeting }) {
  const store = createMinutesStore(ctx.db);
  const rooms = createRoomRecord(ctx.db);
  const profile = ctx.db.prepare('SELECT id, full_name FROM profile LIMIT 1');
  const unitNames = ctx.db.prepare('SELECT id, name FROM organizations WHERE id IN (SELECT value FROM json_each(?))');

  function actor(): ActorFields {
    const p = profile.get() as { id: string; full_name: string } | undefined;
    return { actor_id: p?.id ?? ctx.actorId(), actor_name: p?.full_name ?? null };
  }

  const meeting = (meetingId: string): MeetingDetail => deps.meetings.reader.detail(meetingId);
  const meetingRow = ctx.db.prepare('SELECT origin, status FROM meetings WHERE id = ?');
  const agendaIds = ctx.db.prepare('SELECT id FROM agenda_items WHERE meeting_id = ?').pluck();

  /** What an autosave needs of its meeting, without building the whole meeting (a keystroke's budget). */
  function meetingFacts(meetingId: string): MeetingFacts {
    const row = meetingRow.get(meetingId) as Pick<MeetingDetail, 'origin' | 'status'> | undefined;
    if (!row) meeting(meetingId); // throws the meetings domain's own NOT_FOUND
    return { ...row!, itemIds: new Set(agendaIds.all(meetingId) as string[]) };
  }

  function factsOf(m: MeetingDetail): MeetingFacts {
    const itemIds = new Set<string>();
    const walk = (items: MeetingDetail['agenda']['items']) => items.forEach((i) => (itemIds.add(i.id), walk(i.children)));
    walk(m.agenda.items);
    return { origin: m.origin, status: m.status, itemIds };
  }

  function existing(meetingId: string): MinutesRow {
    const row = store.get(meetingId);
    if (!row) {
      throw new CoreError('NOT_FOUND', {
        vi: 'Cuộc họp này chưa có biên bản. Hãy lập bản nháp trước.',
        en: 'This meeting has no minutes yet. Start the draft first.',
      });
    }
    return row;
  }

  function meetingWritable(m: Pick<MeetingDetail, 'origin' | 'status'>): void {
    if (m.origin === 'pack') {
      throw new CoreError('INVALID_STATE', {
        vi: 'Cuộc họp này nhận từ gói tài liệu: biên bản do thư ký lập trên máy của mình.',
        en: 'This meeting came in a meeting pack: the secretariat writes its minutes on their own computer.',
      });
    }
    if (m.status === 'archived') {
      throw new CoreError('INVALID_STATE', { vi: 'Cuộc họp đã lưu trữ: không sửa biên bản được nữa.', en: 'The meeting is archived: its minutes can no longer change.' });
    }
  }

  function draftWritable(row: Pick<MinutesRow, 'status'>, m: Pick<MeetingDetail, 'origin' | 'status'>): void {
    meetingWritable(m);
    if (row.status === 'final') {
      throw new CoreError('INVALID_STATE', {
        vi: 'Biên bản đã hoàn tất và đã khóa. Muốn sửa, hãy mở lại và ghi rõ lý do.',
        en: 'The minutes are finalized and locked. To change them, reopen them with a reason.',
      });
    }
  }

  function checkVersion(row: Pick<MinutesRow, 'version'>, baseVersion: number): void {
    if (row.version !== baseVersion) {
      throw new CoreError(
        'CONFLICT',
        {
          vi: 'Biên bản vừa được lưu từ một cửa sổ khác. Hãy tải lại để xem bản mới nhất; phần bạn vừa gõ vẫn còn trong cửa sổ này để chép lại.',
          en: 'The minutes were just saved from another window. Reload to see the latest; what you typed is still in this window to copy.',
        },
        { version: row.version },
      );
    }
  }

  /**
   * What the core accepts beyond the schema: unique ids, items of this meeting, units that exist.
   * A heading the minutes already had (in `known`: the stored content, a revision being restored)
   * stays accepted after its item left the agenda, or nothing could be saved any more.
   */
  function checkContent(content: MinutesContent, m: MeetingFacts, minutesId: string | null, known: () => readonly MinutesContent[] = () => []): void {
    const dup = duplicateIds(content);
    if (dup.length) {
      throw invalidInput([{ path: 'content', message: 'Hai mục trong biên bản trùng mã định danh', messageEn: 'Two blocks of the minutes share one id' }]);
    }
    const itemIds = new Set(m.itemIds);
    // Read only when needed: parsing the stored content costs more than the rest of a save.
    let knownRead = false;
    for (const b of content.root.children) {
      if (b.type === 'ns-item' && !itemIds.has(b.agendaItemId) && !knownRead) {
        knownRead = true;
        for (const k of known()) for (const kb of k.root.children) if (kb.type === 'ns-item') itemIds.add(kb.agendaItemId);
      }
      if (b.type === 'ns-item' && !itemIds.has(b.agendaItemId)) {
        throw invalidInput([{ path: 'content', message: 'Mục chương trình không thuộc cuộc họp này', messageEn: 'An agenda item does not belong to this meeting' }]);
      }
    }
    const units = new Set<string>();
    for (const c of conclusionsOf(content)) {
      const owner = store.conclusionOwner(c.id);
      if (owner && owner !== minutesId) {
        throw invalidInput([{ path: 'content', message: 'Kết luận trùng mã với kết luận của biên bản khác', messageEn: 'A conclusion reuses the id of another minutes’ conclusion' }]);
      }
      if (c.leadUnitId) units.add(c.leadUnitId);
      for (const u of c.coordinatingUnitIds) units.add(u);
    }
    if (units.size) {
      const found = (unitNames.all(JSON.stringify([...units])) as { id: string }[]).length;
      if (found !== units.size) {
        throw invalidInput([{ path: 'content', message: 'Đơn vị chủ trì hoặc phối hợp không có trong danh bạ', messageEn: 'A lead or coordinating unit is not in the directory' }]);
      }
    }
  }

  function conclusionsView(content: MinutesContent): MinutesConclusion[] {
    const placed = conclusionsOf(content);
    const ids = new Set(placed.flatMap((c) => [c.leadUnitId, ...c.coordinatingUnitIds]).filter((x): x is string => Boolean(x)));
    const names = new Map((unitNames.all(JSON.stringify([...ids])) as { id: string; name: string }[]).map((u) => [u.id, u.name]));
    const items = new Map(content.root.children.flatMap((b) => (b.type === 'ns-item' ? [[b.agendaItemId, b] as const] : [])));
    return placed.map((c) => ({
      ...c,
      agendaItemNumber: c.agendaItemId ? (items.get(c.agendaItemId)?.number ?? null) : null,
      agendaItemTitle: c.agendaItemId ? (items.get(c.agendaItemId)?.title ?? null) : null,
      leadUnitName: c.leadUnitId ? (names.get(c.leadUnitId) ?? null) : null,
      coordinatingUnitNames: c.coordinatingUnitIds.map((u) => names.get(u) ?? u),
    }));
  }

  function view(row: MinutesRow, m: MeetingDetail): MinutesView {
    const content = JSON.parse(row.content) as MinutesContent;
    return {
      id: row.id,
      meetingId: row.meeting_id,
      status: row.status,
      version: row.version,
      revision: store.lastRevision(row.id)?.revision ?? 0,
      content,
      conclusions: conclusionsView(content),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      updatedBy: actorOf(row.updated_by, row.updated_by_name),
      finalized: row.final_sha256 ? { at: row.finalized_at!, by: actorOf(row.finalized_by, row.finalized_by_name), sha256: row.final_sha256 } : null,
      editable: row.status === 'draft' && m.origin === 'local' && m.status !== 'archived',
    };
  }

  /** Writes new content and files it under a revision: the current sitting's, or a new one. */
  function write(
    row: Pick<MinutesRow, 'id' | 'meeting_id'>,
    content: MinutesContent,
    kind: 'edit' | 'refresh' | 'restore',
    note: string | null = null,
    { json, sha256 } = contentHash(content),
  ): void {
    const at = ctx.now().toISOString();
    const who = actor();
    const last = store.lastRevision(row.id);
    const sameSitting =
      kind === 'edit' && last?.kind === 'edit' && last.author_id === who.actor_id && ctx.now().getTime() - Date.parse(last.saved_at) < REVISION_SITTING_MS;
    // A new revision first, while the row still holds the content the previous one ends with.
    if (sameSitting) store.extendRevision({ minutes_id: row.id, revision: last.revision, content_sha256: sha256, at });
    else store.addRevision({ minutes_id: row.id, revision: (last?.revision ?? 0) + 1, kind, content_sha256: sha256, at, note, ...who });
    store.updateContent({ id: row.id, content: json, content_sha256: sha256, at, ...who });
    store.indexConclusions(row.id, row.meeting_id, content);
  }

  const facts = createOfficialFacts(ctx);
  const notice = createNoticeHandlers(ctx, {
    meeting,
    meetingWritable,
    minutesOf: (m) => {
      const row = store.get(m.id);
      return row ? view(row, m) : null;
    },
    minutesStatus: (meetingId) => store.state(meetingId)?.status ?? null,
    actor,
    facts,
  });
  const exports = createMinutesExports(
    ctx,
    (meetingId) => {
      const m = meeting(meetingId);
      return { meeting: m, minutes: view(existing(meetingId), m), notice: notice.stored(meetingId) };
    },
    deps.importIntoMeeting,
    facts,
  );

  const handlers: DomainHandlers<typeof minutesMethods & typeof noticeMethods> = {
    ...exports,
    ...notice.handlers,
    'minutes.get': ({ meetingId }: MethodInput<'minutes.get'>) => {
      const m = meeting(meetingId);
      const row = store.get(meetingId);
      return row ? view(row, m) : null;
    },

    'minutes.draft': ({ meetingId }: MethodInput<'minutes.draft'>) => {
      const m = meeting(meetingId);
      const found = store.get(meetingId);
      if (found) return view(found, m);
      meetingWritable(m);
      if (!OPEN_STATUSES.has(m.status)) {
        throw new CoreError('INVALID_STATE', {
          vi: 'Biên bản được lập khi cuộc họp đang diễn ra hoặc đã kết thúc. Hãy chuyển cuộc họp sang “Đang họp” trước.',
          en: 'Minutes are written once the meeting is in progress or has ended. Start the meeting first.',
        });
      }
      const content = planRefresh(emptyContent(prefillBlocks(m)), m, rooms.closedVotes(meetingId)).content;
      const { json, sha256 } = contentHash(content);
      const id = uuidv7();
      const at = ctx.now().toISOString();
      ctx.db.transaction(() => {
        store.create({ id, meeting_id: meetingId, content: json, content_sha256: sha256, at, ...actor() });
        store.addRevision({ minutes_id: id, revision: 1, kind: 'prefill', content_sha256: sha256, at, note: null, ...actor() });
        ctx.audit.record({ action: 'minutes.draft', entity: 'minutes', entityId: id, detail: { meetingId } });
      })();
      return view(existing(meetingId), m);
    },

    'minutes.refresh': ({ meetingId, apply }: MethodInput<'minutes.refresh'>) => {
      const m = meeting(meetingId);
      const row = existing(meetingId);
      draftWritable(row, m);
      const plan = planRefresh(JSON.parse(row.content) as MinutesContent, m, rooms.closedVotes(meetingId));
      if (!apply || plan.changes.length === 0) return { changes: plan.changes, minutes: apply ? view(row, m) : null };
      ctx.db.transaction(() => {
        write(row, plan.content, 'refresh');
        ctx.audit.record({ action: 'minutes.refresh', entity: 'minutes', entityId: row.id, detail: { meetingId, changes: plan.changes.length } });
      })();
      return { changes: plan.changes, minutes: view(existing(meetingId), m) };
    },

    'minutes.save': ({ meetingId, baseVersion, content }: MethodInput<'minutes.save'>) => {
      const parsed = content as MinutesContent;
      const hashed = contentHash(parsed);
      refuseOversize(hashed.json, 'minutes');
      const m = meetingFacts(meetingId);
      return ctx.db.transaction(() => {
        // The autosave path: the state without the stored content, and one hash of the new content.
        const row = store.state(meetingId) ?? existing(meetingId);
        draftWritable(row, m);
        checkVersion(row, baseVersion);
        checkContent(parsed, m, row.id, () => [JSON.parse(store.content(row.id)) as MinutesContent]);
        const changed = hashed.sha256 !== row.content_sha256;
        if (changed) write(row, parsed, 'edit', null, hashed);
        const now = store.state(meetingId)!;
        const revision = store.lastRevision(now.id)!.revision;
        if (changed) ctx.audit.record({ action: 'minutes.save', entity: 'minutes', entityId: row.id, detail: { meetingId, version: now.version, revision } });
        return { version: now.version, revision, savedAt: now.updated_at, conclusions: conclusionsView(parsed) };
      })();
    },

    'minutes.revisions': ({ meetingId }: MethodInput<'minutes.revisions'>) => {
      meeting(meetingId);
      return store.revisions(existing(meetingId).id).map((r) => toRevisionSummary({ ...r, content: '' }));
    },

    'minutes.revision': ({ meetingId, revision }: MethodInput<'minutes.revision'>) => {
      meeting(meetingId);
      const r = store.revision(existing(meetingId).id, revision);
      if (!r) throw new CoreError('NOT_FOUND', { vi: `Không có phiên bản ${revision} của biên bản.`, en: `The minutes have no revision ${revision}.` });
      return { ...toRevisionSummary(r), content: JSON.parse(r.content) as MinutesContent };
    },

    'minutes.diff': ({ meetingId, from, to }: MethodInput<'minutes.diff'>) => {
      meeting(meetingId);
      const id = existing(meetingId).id;
      const a = store.revision(id, from);
      const b = store.revision(id, to);
      if (!a || !b) throw new CoreError('NOT_FOUND', { vi: `Không có phiên bản ${!a ? from : to} của biên bản.`, en: `The minutes have no revision ${!a ? from : to}.` });
      const lines = diffContents(JSON.parse(a.content) as MinutesContent, JSON.parse(b.content) as MinutesContent);
      return {
        from: toRevisionSummary(a),
        to: toRevisionSummary(b),
        lines,
        added: lines.filter((l) => l.change === 'added').length,
        removed: lines.filter((l) => l.change === 'removed').length,
      };
    },

    'minutes.restoreRevision': ({ meetingId, revision, baseVersion }: MethodInput<'minutes.restoreRevision'>) => {
      const m = meeting(meetingId);
      ctx.db.transaction(() => {
        const row = existing(meetingId);
        draftWritable(row, m);
        checkVersion(row, baseVersion);
        const old = store.revision(row.id, revision);
        if (!old) throw new CoreError('NOT_FOUND', { vi: `Không có phiên bản ${revision} của biên bản.`, en: `The minutes have no revision ${revision}.` });
        const content = JSON.parse(old.content) as MinutesContent;
        checkContent(content, factsOf(m), row.id, () => [content]);
        write(row, content, 'restore', `Khôi phục phiên bản ${revision}`);
        ctx.audit.record({ action: 'minutes.restoreRevision', entity: 'minutes', entityId: row.id, detail: { meetingId, revision } });
      })();
      return view(existing(meetingId), m);
    },

    'minutes.addConclusion': (input: MethodInput<'minutes.addConclusion'>) => {
      const m = meeting(input.meetingId);
      ctx.db.transaction(() => {
        const row = existing(input.meetingId);
        draftWritable(row, m);
        const content = JSON.parse(row.content) as MinutesContent;
        const blocks = [...content.root.children];
        const start = blocks.findIndex((b) => b.type === 'ns-item' && b.agendaItemId === input.agendaItemId);
        if (start < 0) {
          throw invalidInput([{ path: 'agendaItemId', message: 'Biên bản không có mục chương trình này', messageEn: 'The minutes have no such agenda item' }]);
        }
        let end = start + 1;
        while (end < blocks.length && blocks[end]!.type !== 'ns-item' && !(blocks[end]!.type === 'ns-prefill' && (blocks[end] as { key: string }).key === 'end')) end++;
        const id = uuidv7();
        blocks.splice(end, 0, {
          type: 'ns-conclusion',
          id,
          text: input.text,
          leadUnitId: input.leadUnitId ?? null,
          coordinatingUnitIds: input.coordinatingUnitIds ?? [],
          deadline: input.deadline ?? null,
          version: 1,
        });
        const next = { ...content, root: { ...content.root, children: blocks } };
        checkContent(next, factsOf(m), row.id, () => [content]);
        write(row, next, 'edit');
        ctx.audit.record({ action: 'minutes.addConclusion', entity: 'minutes', entityId: row.id, detail: { meetingId: input.meetingId, conclusionId: id } });
      })();
      return view(existing(input.meetingId), m);
    },

    'minutes.finalize': ({ meetingId, baseVersion }: MethodInput<'minutes.finalize'>) => {
      const m = meeting(meetingId);
      ctx.db.transaction(() => {
        const row = existing(meetingId);
        draftWritable(row, m);
        if (baseVersion !== undefined) checkVersion(row, baseVersion);
        const at = ctx.now().toISOString();
        const who = actor();
        store.finalize({ id: row.id, at, ...who });
        const last = store.lastRevision(row.id)!;
        store.addRevision({ minutes_id: row.id, revision: last.revision + 1, kind: 'finalize', content_sha256: row.content_sha256, at, note: null, ...who });
        ctx.audit.record({ action: 'minutes.finalize', entity: 'minutes', entityId: row.id, detail: { meetingId, sha256: row.content_sha256 } });
      })();
      return view(existing(meetingId), m);
    },

    'minutes.reopen': ({ meetingId, reason }: MethodInput<'minutes.reopen'>) => {
      const m = meeting(meetingId);
      ctx.db.transaction(() => {
        const row = existing(meetingId);
        meetingWritable(m);
        if (row.status !== 'final') {
          throw new CoreError('INVALID_STATE', { vi: 'Biên bản chưa hoàn tất nên không cần mở lại.', en: 'The minutes are not finalized, so there is nothing to reopen.' });
        }
        const at = ctx.now().toISOString();
        const who = actor();
        store.reopen({ id: row.id, at, ...who });
        const last = store.lastRevision(row.id)!;
        store.addRevision({ minutes_id: row.id, revision: last.revision + 1, kind: 'reopen', content_sha256: row.content_sha256, at, note: reason, ...who });
        ctx.audit.record({ action: 'minutes.reopen', entity: 'minutes', entityId: row.id, detail: { meetingId, reason, finalSha256: row.final_sha256 } });
      })();
      return view(existing(meetingId), m);
    },
  };

  // Another window, the CLI or the live room may be looking at the same minutes: tell them.
  const writes = [
    'minutes.draft',
    'minutes.refresh',
    'minutes.save',
    'minutes.restoreRevision',
    'minutes.addConclusion',
    'minutes.finalize',
    'minutes.reopen',
    'notice.create',
    'notice.regenerate',
    'notice.save',
    'notice.issue',
    'notice.reopen',
  ] as const;
  for (const name of writes) {
    const inner = handlers[name] as (input: { meetingId: string }) => unknown;
    (handlers as Record<string, unknown>)[name] = (input: { meetingId: string }) => {
      const result = inner(input);
      ctx.events.emit('data.changed', { area: 'minutes', id: input.meetingId });
      return result;
    };
  }

  return { handlers } satisfies Domain;
}

export type MinutesDomain = ReturnType<typeof createMinutesDomain>;
