import { v7 as uuidv7 } from 'uuid';
import type { MeetingDetail, MethodInput, MinutesView, NoticeView, noticeMethods } from '../../../../../shared/contract/index.ts';
import { canonicalJson } from '../../../../../shared/minutes/blocks.ts';
import type { MinutesContent } from '../../../../../shared/minutes/document.ts';
import type { ServiceContext } from '../../../context.ts';
import type { DomainHandlers } from '../../../dispatch.ts';
import { CoreError, invalidInput } from '../../../errors.ts';
import { defaultNoticeRecipients, noticeContent, noticeSigner } from '../exports/notice-document.ts';
import { refuseOversize } from '../content-size.ts';
import { actorOf, type ActorFields } from '../minutes-store.ts';
import type { OfficialFacts } from '../official-facts.ts';
import { columnsOf, createNoticeStore, fieldsOf, noticeHash, type NoticeColumns, type NoticeFields, type NoticeRow } from './notice-store.ts';

/** Block types a notice's text may hold: plain official prose, no minutes blocks (items, opinions, votes, conclusions). */
const NOTICE_BLOCKS = new Set(['paragraph', 'heading', 'quote', 'list', 'table']);

export interface NoticeDeps {
  meeting: (meetingId: string) => MeetingDetail;
  meetingWritable: (m: Pick<MeetingDetail, 'origin' | 'status'>) => void;
  minutesOf: (m: MeetingDetail) => MinutesView | null;
  /** The minutes' status alone (no content read), for the checks and views that need only that. */
  minutesStatus: (meetingId: string) => MinutesView['status'] | null;
  actor: () => ActorFields;
  facts: OfficialFacts;
}

/**
 * The Thông báo kết luận as a document of its own: generated from the minutes' conclusions, edited
 * (text, number, Nơi nhận, signer) with the same autosave and version check as the minutes, issued
 * with a hash over all of it, reopened only with a reason.
 */
export function createNoticeHandlers(ctx: ServiceContext, deps: NoticeDeps) {
  const store = createNoticeStore(ctx.db);
  const unitCount = ctx.db.prepare('SELECT count(*) FROM organizations WHERE id IN (SELECT value FROM json_each(?))').pluck();

  function existing(meetingId: string): NoticeRow {
    const row = store.get(meetingId);
    if (!row) {
      throw new CoreError('NOT_FOUND', {
        vi: 'Cuộc họp này chưa có Thông báo kết luận. Hãy tạo thông báo từ các kết luận của biên bản.',
        en: 'This meeting has no conclusion notice yet. Generate it from the minutes’ conclusions.',
      });
    }
    return row;
  }

  function minutesWithConclusions(m: MeetingDetail): MinutesView {
    const minutes = deps.minutesOf(m);
    if (!minutes || minutes.conclusions.length === 0) {
      throw new CoreError('INVALID_STATE', {
        vi: 'Biên bản chưa có kết luận nào nên chưa thể soạn Thông báo kết luận. Hãy thêm kết luận vào biên bản trước.',
        en: 'The minutes have no conclusions yet, so there is no notice to write. Add conclusions to the minutes first.',
      });
    }
    return minutes;
  }

  function draftWritable(row: Pick<NoticeRow, 'status'>, m: MeetingDetail): void {
    deps.meetingWritable(m);
    if (row.status === 'issued') {
      throw new CoreError('INVALID_STATE', {
        vi: 'Thông báo đã ban hành và đã khóa. Muốn sửa, hãy mở lại và ghi rõ lý do.',
        en: 'The notice is issued and locked. To change it, reopen it with a reason.',
      });
    }
  }

  function checkVersion(row: Pick<NoticeRow, 'version'>, baseVersion: number): void {
    if (row.version !== baseVersion) {
      throw new CoreError(
        'CONFLICT',
        {
          vi: 'Thông báo vừa được lưu từ một cửa sổ khác. Hãy tải lại để xem bản mới nhất; phần bạn vừa gõ vẫn còn trong cửa sổ này.',
          en: 'The notice was just saved from another window. Reload to see the latest; what you typed is still in this window.',
        },
        { version: row.version },
      );
    }
  }

  function checkFields(f: NoticeFields): void {
    if (f.content.root.children.some((b) => !NOTICE_BLOCKS.has(b.type))) {
      throw invalidInput([
        { path: 'content', message: 'Thông báo chỉ gồm văn bản, danh sách và bảng (không có khối của biên bản)', messageEn: 'A notice holds text, lists and tables only (no minutes blocks)' },
      ]);
    }
    const units = [...new Set(f.recipients.flatMap((r) => (r.unitId ? [r.unitId] : [])))];
    if (units.length && unitCount.get(JSON.stringify(units)) !== units.length) {
      throw invalidInput([{ path: 'recipients', message: 'Nơi nhận có đơn vị không có trong danh bạ', messageEn: 'A recipient unit is not in the directory' }]);
    }
  }

  function view(row: NoticeRow, m: MeetingDetail): NoticeView {
    return {
      id: row.id,
      meetingId: row.meeting_id,
      status: row.status,
      version: row.version,
      ...fieldsOf(row),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      updatedBy: actorOf(row.updated_by, row.updated_by_name),
      issued: row.issued_sha256 ? { at: row.issued_at!, by: actorOf(row.issued_by, row.issued_by_name), sha256: row.issued_sha256 } : null,
      editable: row.status === 'draft' && m.origin === 'local' && m.status !== 'archived',
      minutesFinal: deps.minutesStatus(m.id) === 'final',
    };
  }

  function generatedContent(m: MeetingDetail, minutes: MinutesView): MinutesContent {
    return noticeContent({ meeting: m, conclusions: minutes.conclusions, unitName: deps.facts.unitName });
  }

  const handlers: DomainHandlers<typeof noticeMethods> = {
    'notice.get': ({ meetingId }: MethodInput<'notice.get'>) => {
      const m = deps.meeting(meetingId);
      const row = store.get(meetingId);
      return row ? view(row, m) : null;
    },

    'notice.create': ({ meetingId }: MethodInput<'notice.create'>) => {
      const m = deps.meeting(meetingId);
      const found = store.get(meetingId);
      if (found) return view(found, m);
      deps.meetingWritable(m);
      const minutes = minutesWithConclusions(m);
      const fields: NoticeFields = {
        content: generatedContent(m, minutes),
        number: null,
        recipients: defaultNoticeRecipients(minutes.conclusions),
        ...noticeSigner(m, deps.facts.chairRole(m)),
      };
      const id = uuidv7();
      ctx.db.transaction(() => {
        store.create({ id, meeting_id: meetingId, at: ctx.now().toISOString(), fields, ...deps.actor() });
        ctx.audit.record({ action: 'notice.create', entity: 'notice', entityId: id, detail: { meetingId, conclusions: minutes.conclusions.length } });
      })();
      return view(existing(meetingId), m);
    },

    'notice.regenerate': ({ meetingId, baseVersion }: MethodInput<'notice.regenerate'>) => {
      const m = deps.meeting(meetingId);
      ctx.db.transaction(() => {
        const row = existing(meetingId);
        draftWritable(row, m);
        checkVersion(row, baseVersion);
        const minutes = minutesWithConclusions(m);
        store.update({ id: row.id, at: ctx.now().toISOString(), columns: columnsOf({ ...fieldsOf(row), content: generatedContent(m, minutes) }), ...deps.actor() });
        ctx.audit.record({ action: 'notice.regenerate', entity: 'notice', entityId: row.id, detail: { meetingId, conclusions: minutes.conclusions.length } });
      })();
      return view(existing(meetingId), m);
    },

    'notice.save': ({ meetingId, baseVersion, ...input }: MethodInput<'notice.save'>) => {
      const fields: NoticeFields = { ...input, content: input.content as MinutesContent, signerName: input.signerName ?? null };
      // One canonical JSON of the text: the size check, the comparison and the write all use it.
      const contentJson = canonicalJson(fields.content);
      refuseOversize(contentJson, 'notice');
      const m = deps.meeting(meetingId);
      return ctx.db.transaction(() => {
        const row = existing(meetingId);
        draftWritable(row, m);
        checkVersion(row, baseVersion);
        checkFields(fields);
        const columns = columnsOf(fields, contentJson);
        if ((Object.keys(columns) as (keyof NoticeColumns)[]).some((k) => columns[k] !== row[k])) {
          store.update({ id: row.id, at: ctx.now().toISOString(), columns, ...deps.actor() });
          ctx.audit.record({ action: 'notice.save', entity: 'notice', entityId: row.id, detail: { meetingId, version: row.version + 1 } });
        }
        const now = existing(meetingId);
        return { version: now.version, savedAt: now.updated_at };
      })();
    },

    'notice.issue': ({ meetingId, baseVersion }: MethodInput<'notice.issue'>) => {
      const m = deps.meeting(meetingId);
      ctx.db.transaction(() => {
        const row = existing(meetingId);
        draftWritable(row, m);
        if (baseVersion !== undefined) checkVersion(row, baseVersion);
        if (deps.minutesStatus(m.id) !== 'final') {
          throw new CoreError('INVALID_STATE', {
            vi: 'Chỉ ban hành Thông báo kết luận khi biên bản đã hoàn tất. Hãy hoàn tất biên bản trước.',
            en: 'A conclusion notice is issued only from finalized minutes. Finalize the minutes first.',
          });
        }
        if (!row.number) {
          throw new CoreError('INVALID_STATE', {
            vi: 'Thông báo chưa có số. Hãy nhập số do Văn thư cấp (vd. 15 cho “15/TB-BCĐ”) rồi ban hành.',
            en: 'The notice has no number yet. Enter the number the records office gave it, then issue.',
          });
        }
        const sha256 = noticeHash(fieldsOf(row));
        store.issue({ id: row.id, at: ctx.now().toISOString(), sha256, ...deps.actor() });
        ctx.audit.record({ action: 'notice.issue', entity: 'notice', entityId: row.id, detail: { meetingId, number: row.number, sha256 } });
      })();
      return view(existing(meetingId), m);
    },

    'notice.reopen': ({ meetingId, reason }: MethodInput<'notice.reopen'>) => {
      const m = deps.meeting(meetingId);
      ctx.db.transaction(() => {
        const row = existing(meetingId);
        deps.meetingWritable(m);
        if (row.status !== 'issued') {
          throw new CoreError('INVALID_STATE', { vi: 'Thông báo chưa ban hành nên không cần mở lại.', en: 'The notice is not issued, so there is nothing to reopen.' });
        }
        store.reopen({ id: row.id, at: ctx.now().toISOString(), ...deps.actor() });
        ctx.audit.record({ action: 'notice.reopen', entity: 'notice', entityId: row.id, detail: { meetingId, reason, issuedSha256: row.issued_sha256 } });
      })();
      return view(existing(meetingId), m);
    },
  };

  return { handlers, stored: (meetingId: string) => store.get(meetingId) };
}
