import { v7 as uuidv7 } from 'uuid';
import type { DocumentsInput, MeetingDocument } from '../../../../shared/contract/index.ts';
import type { ServiceContext } from '../../context.ts';
import { CoreError } from '../../errors.ts';
import { createMeetingChangeLog, type MeetingChange } from '../meetings/change-log.ts';
import { DOCUMENT_COLUMNS, DOCUMENT_JOINS, toSummary, type DocumentReader, type DocumentRow } from './document-rows.ts';

interface AttachmentRow extends DocumentRow {
  attachment_id: string;
  meeting_id: string;
  agenda_item_id: string | null;
  position: number;
  attached_at: string;
}

function toMeetingDocument(row: AttachmentRow): MeetingDocument {
  return {
    attachmentId: row.attachment_id,
    meetingId: row.meeting_id,
    agendaItemId: row.agenda_item_id,
    position: row.position,
    attachedAt: row.attached_at,
    document: toSummary(row),
  };
}

const SELECT = `SELECT md.id AS attachment_id, md.meeting_id, md.agenda_item_id, md.position, md.attached_at, ${DOCUMENT_COLUMNS}
  FROM meeting_documents md JOIN documents d ON d.id = md.document_id ${DOCUMENT_JOINS}`;

function attachmentNotFound(): CoreError {
  return new CoreError('NOT_FOUND', { vi: 'Không tìm thấy tài liệu này trong cuộc họp.', en: 'That document is not attached to the meeting.' });
}

/**
 * Documents placed in meetings and agenda items (meeting_documents). Every change goes through
 * the meeting's change log, so once a meeting is published members see what changed, and an
 * archived meeting or one received in a pack refuses changes.
 */
export function createAttachmentsService(ctx: ServiceContext, documents: DocumentReader) {
  const { db } = ctx;
  const changeLog = createMeetingChangeLog(ctx);
  const one = db.prepare(`${SELECT} WHERE md.id = ?`);
  const ofMeeting = db.prepare(`${SELECT} LEFT JOIN agenda_items a ON a.id = md.agenda_item_id
    WHERE md.meeting_id = ? ORDER BY md.agenda_item_id IS NOT NULL, a.position, md.agenda_item_id, md.position`);
  const agendaItem = db.prepare('SELECT meeting_id, title FROM agenda_items WHERE id = ?');
  const existing = db.prepare('SELECT id FROM meeting_documents WHERE meeting_id = ? AND agenda_item_id IS ? AND document_id = ?').pluck();
  const nextPosition = db.prepare('SELECT coalesce(max(position), 0) + 1 FROM meeting_documents WHERE meeting_id = ? AND agenda_item_id IS ?').pluck();
  const group = db.prepare('SELECT id FROM meeting_documents WHERE meeting_id = ? AND agenda_item_id IS ? ORDER BY position').pluck();
  const insert = db.prepare(`INSERT INTO meeting_documents (id, meeting_id, agenda_item_id, document_id, position, attached_by, attached_at)
    VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const remove = db.prepare('DELETE FROM meeting_documents WHERE id = ?');
  const repoint = db.prepare('UPDATE meeting_documents SET document_id = ? WHERE id = ?');
  const setPosition = db.prepare('UPDATE meeting_documents SET position = ? WHERE id = ?');
  const setPrevious = db.prepare('UPDATE documents SET previous_version_id = ?, updated_at = ? WHERE id = ?');
  const previousOf = db.prepare('SELECT previous_version_id FROM documents WHERE id = ?').pluck();

  function get(attachmentId: string): MeetingDocument {
    const row = one.get(attachmentId) as AttachmentRow | undefined;
    if (!row) throw attachmentNotFound();
    return toMeetingDocument(row);
  }

  /** Check a meeting may change and the agenda item is one of its own; returns the item's title. */
  function checkTarget(meetingId: string, agendaItemId: string | null): string | null {
    changeLog.assertEditable(meetingId);
    if (agendaItemId === null) return null;
    const item = agendaItem.get(agendaItemId) as { meeting_id: string; title: string } | undefined;
    if (!item || item.meeting_id !== meetingId) {
      throw new CoreError('NOT_FOUND', {
        vi: 'Không tìm thấy mục chương trình này trong cuộc họp.',
        en: 'That agenda item is not part of the meeting.',
      });
    }
    return item.title;
  }

  function where(itemTitle: string | null): { vi: string; en: string } {
    return itemTitle === null ? { vi: '', en: '' } : { vi: ` (mục "${itemTitle}")`, en: ` (item "${itemTitle}")` };
  }

  /** Attach inside the caller's transaction; an attachment already in that place is returned as is. */
  function attachInTransaction(documentId: string, meetingId: string, agendaItemId: string | null): { attachmentId: string; created: boolean } {
    const itemTitle = checkTarget(meetingId, agendaItemId);
    const already = existing.get(meetingId, agendaItemId, documentId) as string | undefined;
    if (already) return { attachmentId: already, created: false };
    const doc = documents.get(documentId);
    const attachmentId = uuidv7();
    insert.run(
      attachmentId,
      meetingId,
      agendaItemId,
      documentId,
      nextPosition.get(meetingId, agendaItemId) as number,
      ctx.actorId(),
      ctx.now().toISOString(),
    );
    const w = where(itemTitle);
    changeLog.record(meetingId, [
      {
        scope: 'documents',
        what: 'documents.attach',
        after: { documentId, fileName: doc.file_name, agendaItemId },
        text: { vi: `Thêm tài liệu "${doc.file_name}"${w.vi}`, en: `Added document "${doc.file_name}"${w.en}` },
      },
    ]);
    ctx.audit.record({ action: 'documents.attach', entity: 'meeting_document', entityId: attachmentId, detail: { documentId, meetingId, agendaItemId } });
    return { attachmentId, created: true };
  }

  function changed(meetingId: string): void {
    ctx.events.emit('data.changed', { area: 'meetings', id: meetingId });
    ctx.events.emit('data.changed', { area: 'documents' });
  }

  return {
    checkTarget,
    attachInTransaction,
    changed,

    attach(input: DocumentsInput<'documents.attach'>): MeetingDocument {
      const { attachmentId, created } = db.transaction(() => {
        documents.get(input.documentId);
        const attached = attachInTransaction(input.documentId, input.meetingId, input.agendaItemId);
        if (!attached.created) {
          throw new CoreError('CONFLICT', {
            vi: 'Tài liệu này đã có ở vị trí đó trong cuộc họp.',
            en: 'The document is already attached there.',
          });
        }
        return attached;
      })();
      if (created) changed(input.meetingId);
      return get(attachmentId);
    },

    detach({ attachmentId }: DocumentsInput<'documents.detach'>): { attachmentId: string } {
      const current = one.get(attachmentId) as AttachmentRow | undefined;
      if (!current) throw attachmentNotFound();
      db.transaction(() => {
        const itemTitle = checkTarget(current.meeting_id, current.agenda_item_id);
        remove.run(attachmentId);
        const w = where(itemTitle);
        changeLog.record(current.meeting_id, [
          {
            scope: 'documents',
            what: 'documents.detach',
            before: { documentId: current.id, fileName: current.file_name, agendaItemId: current.agenda_item_id },
            text: { vi: `Gỡ tài liệu "${current.file_name}"${w.vi}`, en: `Removed document "${current.file_name}"${w.en}` },
          },
        ]);
        ctx.audit.record({ action: 'documents.detach', entity: 'meeting_document', entityId: attachmentId, detail: { documentId: current.id, meetingId: current.meeting_id } });
      })();
      changed(current.meeting_id);
      return { attachmentId };
    },

    replaceVersion({ attachmentId, documentId: newerId }: DocumentsInput<'documents.replaceVersion'>): MeetingDocument {
      const current = one.get(attachmentId) as AttachmentRow | undefined;
      if (!current) throw attachmentNotFound();
      db.transaction(() => {
        const itemTitle = checkTarget(current.meeting_id, current.agenda_item_id);
        const newer = documents.get(newerId);
        if (newer.id === current.id) {
          throw new CoreError('CONFLICT', { vi: 'Đây đã là tài liệu đang dùng.', en: 'That is already the attached document.' });
        }
        if (existing.get(current.meeting_id, current.agenda_item_id, newerId)) {
          throw new CoreError('CONFLICT', {
            vi: 'Phiên bản mới đã có ở vị trí đó trong cuộc họp.',
            en: 'The newer version is already attached there.',
          });
        }
        // The older document must not already descend from the newer one (no loops in the chain).
        const seen = new Set<string>();
        for (let id: string | null = current.id; id !== null && !seen.has(id); id = (previousOf.get(id) as string | null) ?? null) {
          if (id === newerId) {
            throw new CoreError('CONFLICT', {
              vi: `"${newer.file_name}" là phiên bản cũ hơn của tài liệu đang dùng.`,
              en: `"${newer.file_name}" is an older version of the attached document.`,
            });
          }
          seen.add(id);
        }
        if (newer.previous_version_id !== null && newer.previous_version_id !== current.id) {
          throw new CoreError('CONFLICT', {
            vi: `"${newer.file_name}" đã là phiên bản mới của một tài liệu khác.`,
            en: `"${newer.file_name}" is already the newer version of another document.`,
          });
        }
        setPrevious.run(current.id, ctx.now().toISOString(), newerId);
        repoint.run(newerId, attachmentId);
        const w = where(itemTitle);
        const change: MeetingChange = {
          scope: 'documents',
          what: 'documents.replace',
          before: { documentId: current.id, fileName: current.file_name },
          after: { documentId: newerId, fileName: newer.file_name },
          text: {
            vi: `Thay tài liệu "${current.file_name}" bằng phiên bản mới "${newer.file_name}"${w.vi}`,
            en: `Replaced "${current.file_name}" with the newer version "${newer.file_name}"${w.en}`,
          },
        };
        changeLog.record(current.meeting_id, [change]);
        ctx.audit.record({
          action: 'documents.replaceVersion',
          entity: 'meeting_document',
          entityId: attachmentId,
          detail: { previousDocumentId: current.id, documentId: newerId },
        });
      })();
      changed(current.meeting_id);
      return get(attachmentId);
    },

    reorder({ meetingId, agendaItemId, attachmentIds }: DocumentsInput<'documents.reorderAttachments'>): MeetingDocument[] {
      db.transaction(() => {
        checkTarget(meetingId, agendaItemId);
        const currentIds = group.all(meetingId, agendaItemId) as string[];
        const same = currentIds.length === attachmentIds.length && currentIds.every((id) => attachmentIds.includes(id));
        if (!same) {
          throw new CoreError('CONFLICT', {
            vi: 'Danh sách tài liệu đã thay đổi; hãy tải lại rồi sắp xếp lại.',
            en: 'The documents changed meanwhile; reload and reorder again.',
          });
        }
        if (currentIds.every((id, i) => id === attachmentIds[i])) return;
        attachmentIds.forEach((id, i) => setPosition.run(i + 1, id));
        changeLog.record(meetingId, [
          {
            scope: 'documents',
            what: 'documents.reorder',
            before: currentIds,
            after: attachmentIds,
            text: { vi: 'Sắp xếp lại thứ tự tài liệu', en: 'Reordered the documents' },
          },
        ]);
        ctx.audit.record({ action: 'documents.reorderAttachments', entity: 'meeting', entityId: meetingId, detail: { agendaItemId } });
      })();
      changed(meetingId);
      return (ofMeeting.all(meetingId) as AttachmentRow[])
        .filter((r) => r.agenda_item_id === agendaItemId)
        .map(toMeetingDocument);
    },

    listForMeeting({ meetingId }: DocumentsInput<'documents.listForMeeting'>): MeetingDocument[] {
      if (!db.prepare('SELECT 1 FROM meetings WHERE id = ?').get(meetingId)) {
        throw new CoreError('NOT_FOUND', { vi: 'Không tìm thấy cuộc họp.', en: 'Meeting not found.' });
      }
      return (ofMeeting.all(meetingId) as AttachmentRow[]).map(toMeetingDocument);
    },
  };
}

export type AttachmentsService = ReturnType<typeof createAttachmentsService>;
