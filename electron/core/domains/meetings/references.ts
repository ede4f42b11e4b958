import type { ServiceContext } from '../../context.ts';
import { CoreError, invalidInput } from '../../errors.ts';

/** What a meeting, agenda item or participant may point at; each must exist in the directory. */
export type ReferenceKind = 'committee' | 'kind' | 'room' | 'person' | 'organization';

const names: Record<ReferenceKind, { vi: string; en: string }> = {
  committee: { vi: 'Ban Chỉ đạo', en: 'committee' },
  kind: { vi: 'loại cuộc họp', en: 'meeting kind' },
  room: { vi: 'phòng họp', en: 'room' },
  person: { vi: 'cán bộ', en: 'person' },
  organization: { vi: 'cơ quan, đơn vị', en: 'unit' },
};

export function notFound(vi: string, en: string): CoreError {
  return new CoreError('NOT_FOUND', { vi: `Không tìm thấy ${vi}.`, en: `${en} not found.` });
}

/**
 * Checks that referenced directory rows exist, answering INVALID_INPUT on the field that names a
 * missing one (the form can show it beside that field) rather than a bare foreign-key failure.
 */
export function createReferences(ctx: ServiceContext) {
  const exists: Record<ReferenceKind, ReturnType<typeof ctx.db.prepare>> = {
    committee: ctx.db.prepare('SELECT 1 FROM committees WHERE id = ?'),
    kind: ctx.db.prepare("SELECT 1 FROM catalog_items WHERE catalog = 'meeting_kind' AND code = ?"),
    room: ctx.db.prepare('SELECT 1 FROM rooms WHERE id = ?'),
    person: ctx.db.prepare('SELECT 1 FROM people WHERE id = ?'),
    organization: ctx.db.prepare('SELECT 1 FROM organizations WHERE id = ?'),
  };

  return {
    /** Throws INVALID_INPUT at `path` when `value` is set and names nothing. */
    require(kind: ReferenceKind, path: string, value: string | null | undefined): void {
      if (value === null || value === undefined) return;
      if (exists[kind].get(value) !== undefined) return;
      const name = names[kind];
      throw invalidInput([
        {
          path,
          message: `Không tìm thấy ${name.vi} đã chọn (có thể đã bị xóa khỏi danh mục)`,
          messageEn: `the selected ${name.en} does not exist (it may have been removed)`,
        },
      ]);
    },
  };
}

export type References = ReturnType<typeof createReferences>;
