import { classificationLabels, isClassified, type Classification, type ReleaseClassified } from '../../../shared/contract/index.ts';
import type { ServiceContext } from '../context.ts';
import { CoreError } from '../errors.ts';

export interface ReleasedItem {
  id: string;
  fileName: string;
  classification: Classification;
}

/**
 * The one door classified content goes through on its way off the laptop. Without a release it is
 * refused with CLASSIFIED; with one, who (the profile), what (the document and the channel), why (the
 * reason) and when are written to the audit log before anything is produced, so no file exists
 * without its record.
 */
export function createClassifiedRelease(ctx: ServiceContext) {
  const profile = ctx.db.prepare('SELECT id, full_name FROM profile LIMIT 1');

  /** Throws CLASSIFIED when classified content has no release; records nothing. */
  function check(item: ReleasedItem, channel: string, release: ReleaseClassified | undefined): void {
    if (!isClassified(item.classification) || release) return;
    const label = classificationLabels[item.classification];
    throw new CoreError(
      'CLASSIFIED',
      {
        vi: `"${item.fileName}" là tài liệu ${label.vi}. Muốn đưa nội dung của nó ra khỏi máy, hãy xác nhận và ghi rõ lý do (dòng lệnh: --release-classified "lý do"); quyết định được ghi vào nhật ký.`,
        en: `"${item.fileName}" is a ${label.en.toLowerCase()} document. To take its content off this computer, confirm and give a reason (command line: --release-classified "reason"); the decision is recorded in the audit log.`,
      },
      { documentId: item.id, classification: item.classification, channel },
    );
  }

  return {
    check,
    authorize(item: ReleasedItem, channel: string, release: ReleaseClassified | undefined): void {
      check(item, channel, release);
      if (!isClassified(item.classification) || !release) return;
      const who = profile.get() as { id: string; full_name: string } | undefined;
      ctx.db.transaction(() =>
        ctx.audit.record(
          {
            action: 'classified.release',
            entity: 'document',
            entityId: item.id,
            detail: {
              channel,
              classification: item.classification,
              reason: release.reason,
              actorId: who?.id ?? null,
              actorName: who?.full_name ?? null,
            },
          },
          ctx.now(),
        ),
      )();
    },
  };
}

export type ClassifiedRelease = ReturnType<typeof createClassifiedRelease>;
