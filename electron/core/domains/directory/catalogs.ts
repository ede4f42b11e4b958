import { foldText, type CatalogItem, type CatalogName, type MethodInput } from '../../../../shared/contract/index.ts';
import type { ServiceContext } from '../../context.ts';
import { CoreError } from '../../errors.ts';
import type { ChangeWriter } from './changes.ts';

interface CatalogRow {
  catalog: CatalogName;
  code: string;
  label: string;
  position: number;
  builtin: 0 | 1;
  usage_count: number;
}

const names: Record<CatalogName, { vi: string; en: string }> = {
  meeting_kind: { vi: 'loại cuộc họp', en: 'meeting kind' },
  document_type: { vi: 'loại văn bản', en: 'document type' },
};

/**
 * The lists the secretariat edits: meeting kinds and document types. Rows refer to an item by its
 * code, so the code never changes; the label may. Built-in items and items in use stay.
 */
export function createCatalogsService(ctx: ServiceContext, change: ChangeWriter) {
  const { db } = ctx;
  // The usage count reads the table the catalog feeds: meetings for kinds, documents for types.
  const usage = `CASE c.catalog
      WHEN 'meeting_kind' THEN (SELECT count(*) FROM meetings m WHERE m.kind_code = c.code)
      ELSE (SELECT count(*) FROM documents d WHERE d.type_code = c.code) END AS usage_count`;
  const selectAll = db.prepare(`SELECT c.*, ${usage} FROM catalog_items c WHERE c.catalog = ? ORDER BY c.position, c.label`);
  const selectOne = db.prepare(`SELECT c.*, ${usage} FROM catalog_items c WHERE c.catalog = ? AND c.code = ?`);
  const nextPosition = db.prepare('SELECT coalesce(max(position), 0) + 1 FROM catalog_items WHERE catalog = ?').pluck();
  const insert = db.prepare('INSERT INTO catalog_items (catalog, code, label, position, builtin) VALUES (?, ?, ?, ?, 0)');
  const update = db.prepare('UPDATE catalog_items SET label = ?, position = ? WHERE catalog = ? AND code = ?');
  const remove = db.prepare('DELETE FROM catalog_items WHERE catalog = ? AND code = ?');

  const toItem = (row: CatalogRow): CatalogItem => ({
    catalog: row.catalog,
    code: row.code,
    label: row.label,
    position: row.position,
    builtin: row.builtin === 1,
    usageCount: row.usage_count,
  });

  function list(catalog: CatalogName): CatalogItem[] {
    return (selectAll.all(catalog) as CatalogRow[]).map(toItem);
  }

  function find(catalog: CatalogName, code: string): CatalogItem | null {
    const row = selectOne.get(catalog, code) as CatalogRow | undefined;
    return row ? toItem(row) : null;
  }

  return {
    list: (input: MethodInput<'catalogs.list'>) => list(input.catalog),
    find,

    save(input: MethodInput<'catalogs.save'>): CatalogItem {
      return change(
        'directory',
        (audit) => {
          const { catalog, code, label } = input;
          const existing = find(catalog, code);
          const others = list(catalog).filter((item) => item.code !== code);
          // Codes differ only by case would look identical on screen and in document notations.
          const sameCode = others.find((item) => item.code.toLowerCase() === code.toLowerCase());
          if (!existing && sameCode) {
            throw new CoreError(
              'CONFLICT',
              {
                vi: `Đã có ${names[catalog].vi} mã "${sameCode.code}" (${sameCode.label}).`,
                en: `A ${names[catalog].en} with code "${sameCode.code}" (${sameCode.label}) already exists.`,
              },
              { field: 'code' },
            );
          }
          const sameLabel = others.find((item) => foldText(item.label) === foldText(label));
          if (sameLabel) {
            throw new CoreError(
              'CONFLICT',
              {
                vi: `Đã có ${names[catalog].vi} "${sameLabel.label}" (mã ${sameLabel.code}).`,
                en: `A ${names[catalog].en} "${sameLabel.label}" (code ${sameLabel.code}) already exists.`,
              },
              { field: 'label' },
            );
          }
          if (existing) {
            update.run(label, input.position ?? existing.position, catalog, code);
          } else {
            insert.run(catalog, code, label, input.position ?? (nextPosition.get(catalog) as number));
          }
          audit({
            action: existing ? 'catalogs.update' : 'catalogs.create',
            entity: 'catalog_item',
            entityId: `${catalog}:${code}`,
            detail: { label, previousLabel: existing?.label },
          });
          return find(catalog, code)!;
        },
        (item) => `${item.catalog}:${item.code}`,
      );
    },

    delete(input: MethodInput<'catalogs.delete'>): { catalog: CatalogName; code: string } {
      return change(
        'directory',
        (audit) => {
          const { catalog, code } = input;
          const existing = find(catalog, code);
          if (!existing) {
            throw new CoreError('NOT_FOUND', {
              vi: `Không tìm thấy ${names[catalog].vi} mã "${code}".`,
              en: `No ${names[catalog].en} has the code "${code}".`,
            });
          }
          if (existing.builtin) {
            throw new CoreError('INVALID_STATE', {
              vi: `"${existing.label}" là mục có sẵn nên không xóa được; có thể đổi tên hiển thị.`,
              en: `"${existing.label}" is built in and cannot be deleted; its label can be changed.`,
            });
          }
          if (existing.usageCount > 0) {
            const where = catalog === 'meeting_kind' ? { vi: 'cuộc họp', en: 'meetings' } : { vi: 'tài liệu', en: 'documents' };
            throw new CoreError(
              'CONFLICT',
              {
                vi: `Không xóa được "${existing.label}" vì đang dùng cho ${existing.usageCount} ${where.vi}.`,
                en: `"${existing.label}" cannot be deleted: ${existing.usageCount} ${where.en} use it.`,
              },
              { usageCount: existing.usageCount },
            );
          }
          remove.run(catalog, code);
          audit({ action: 'catalogs.delete', entity: 'catalog_item', entityId: `${catalog}:${code}`, detail: { label: existing.label } });
          return { catalog, code };
        },
        (r) => `${r.catalog}:${r.code}`,
      );
    },
  };
}

export type CatalogsService = ReturnType<typeof createCatalogsService>;
