import { classificationLabels, classificationRank, isClassified, type ReleaseClassified } from '../../../../shared/contract/index.ts';
import type { ServiceContext } from '../../context.ts';
import { CoreError } from '../../errors.ts';
import { createClassifiedRelease } from '../../services/classified-release.ts';
import type { PackContent } from './format.ts';

/**
 * A meeting pack is a way off the laptop like any export: its Mật (and higher) documents go only with
 * the user's reason, and each one gets its `classified.release` entry (channel `pack`) before the
 * pack is written. Without a reason the whole export is refused and names what needs it.
 */
export function createPackRelease(ctx: ServiceContext) {
  const release = createClassifiedRelease(ctx);
  /** `sealedFor`: who will be able to open them, shown in the question so the user decides knowing it. */
  return (content: PackContent, given: ReleaseClassified | undefined, sealedFor: { recipients: string[]; withoutKey: string[] }): void => {
    const classified = content.documents.filter((d) => isClassified(d.classification));
    if (classified.length === 0) return;
    if (!given) {
      const strictest = classified.reduce((a, b) => (classificationRank[b.classification] > classificationRank[a.classification] ? b : a));
      const names = classified.slice(0, 3).map((d) => `"${d.file_name}"`).join(', ') + (classified.length > 3 ? ', …' : '');
      const label = classificationLabels[strictest.classification];
      throw new CoreError(
        'CLASSIFIED',
        {
          vi: `Gói có ${classified.length} tài liệu mật (cao nhất: ${label.vi}): ${names}. Muốn gửi chúng trong gói, hãy xác nhận và ghi rõ lý do (dòng lệnh: --release-classified "lý do"); quyết định được ghi vào nhật ký.`,
          en: `The pack holds ${classified.length} classified document(s) (highest: ${label.en}): ${names}. To send them in the pack, confirm and give a reason (command line: --release-classified "reason"); the decision is recorded in the audit log.`,
        },
        {
          classification: strictest.classification,
          channel: 'pack',
          documentIds: classified.map((d) => d.id),
          recipients: [...new Set(sealedFor.recipients)],
          withoutKey: sealedFor.withoutKey,
        },
      );
    }
    for (const d of classified) release.authorize({ id: d.id, fileName: d.file_name, classification: d.classification }, 'pack', given);
  };
}
