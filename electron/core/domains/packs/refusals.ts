import type { PackInspection } from '../../../../shared/contract/index.ts';
import { CoreError } from '../../errors.ts';
import type { PackContent } from './format.ts';

/** The signer is not trusted for the committee(s) this pack touches. */
export function untrusted(inspection: PackInspection): CoreError {
  const { signer, meeting } = inspection;
  return new CoreError(
    'PACK_UNTRUSTED',
    {
      vi: `Gói tài liệu được ký bởi "${signer.label}" (dấu vân tay ${signer.fingerprint}), khóa này chưa được tin cậy để gửi gói tài liệu của "${meeting.committeeName}". Hãy đối chiếu dấu vân tay với bộ phận thư ký của Ban Chỉ đạo đó rồi chấp nhận khóa cho Ban Chỉ đạo này trước khi nhập.`,
      en: `The pack is signed by "${signer.label}" (fingerprint ${signer.fingerprint}), a key not trusted to send packs of "${meeting.committeeName}". Check the fingerprint with that committee's secretariat, then trust the key for this committee before importing.`,
    },
    { label: signer.label, fingerprint: signer.fingerprint, publicKey: signer.publicKey, committeeId: meeting.committeeId },
  );
}

/** The pack is older than the one imported: importing it would roll the meeting back. */
export function downgrade(inspection: PackInspection): CoreError {
  const previous = inspection.previous!.revision;
  return new CoreError(
    'PACK_DOWNGRADE',
    {
      vi: `Gói tài liệu này là bản ${inspection.revision}, cũ hơn bản ${previous} đã nhập cho cuộc họp "${inspection.meeting.title}". Nhập nó sẽ đưa cuộc họp về nội dung cũ. Chỉ nhập khi bộ phận thư ký xác nhận, và chọn rõ "nhập bản cũ hơn".`,
      en: `This pack is revision ${inspection.revision}, older than revision ${previous} already imported for "${inspection.meeting.title}". Importing it rolls the meeting back. Import it only if the secretariat confirms, choosing "import the older revision" explicitly.`,
    },
    { revision: inspection.revision, previous },
  );
}

/**
 * A signed pack whose content the database refuses (duplicate ids, rows that break a constraint) is
 * a malformed pack, not a fault of the app: say so, as for any other malformed pack.
 */
export function asPackInvalid<T>(work: () => T): T {
  try {
    return work();
  } catch (e) {
    if (e instanceof CoreError) throw e;
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) {
      throw new CoreError(
        'PACK_INVALID',
        {
          vi: 'Nội dung gói tài liệu không nhất quán (trùng mã hoặc tham chiếu sai). Không nhập gói này; hãy xin bộ phận thư ký xuất lại.',
          en: 'The pack content is inconsistent (duplicate ids or wrong references). It was not imported; ask the secretariat to export it again.',
        },
        { constraint: code },
        { cause: e },
      );
    }
    throw e;
  }
}

/** Each row of a pack appears once: the same id twice is a malformed pack, never silently merged. */
export function assertUniqueIds(content: PackContent): void {
  const lists: [string, { id: string }[]][] = [
    ['organization', content.organizations],
    ['person', content.people],
    ['bridge point', content.bridgePoints],
    ['agenda', content.agendaItems],
    ['participant', content.participants],
    ['document', content.documents],
    ['attachment', content.attachments],
    ['change', content.changes],
  ];
  for (const [what, rows] of lists) {
    const seen = new Set<string>();
    for (const { id } of rows) {
      if (seen.has(id)) {
        throw new CoreError(
          'PACK_INVALID',
          { vi: `Nội dung gói tài liệu không nhất quán (${what} ${id} lặp lại).`, en: `The pack content is inconsistent (${what} ${id} repeated).` },
          { [what]: id },
        );
      }
      seen.add(id);
    }
  }
}
