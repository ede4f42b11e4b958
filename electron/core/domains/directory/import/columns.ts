import { foldText, type DirectoryImportKind, type LocalizedText } from '../../../../../shared/contract/index.ts';

export interface ColumnSpec {
  key: string;
  label: LocalizedText;
  /** Header texts this column is recognised by, compared after `headerKey`. */
  aliases: string[];
  /** A header row must have this column to be taken for the table's header. */
  required?: boolean;
  /** What the template's example row holds. */
  example: string;
}

/** Staff lists come from many offices: accept the usual Vietnamese headings and English ones. */
export const importColumns: Record<DirectoryImportKind, ColumnSpec[]> = {
  people: [
    {
      key: 'fullName',
      label: { vi: 'Họ và tên', en: 'Full name' },
      aliases: ['ho va ten', 'ho ten', 'ho va ten can bo', 'ho ten can bo', 'full name', 'name', 'fullname'],
      required: true,
      example: 'Nguyễn Văn An',
    },
    {
      key: 'position',
      label: { vi: 'Chức vụ', en: 'Position' },
      aliases: ['chuc vu', 'chuc danh', 'chuc vu chuc danh', 'position', 'title', 'job title'],
      example: 'Chánh Văn phòng',
    },
    {
      key: 'unit',
      label: { vi: 'Đơn vị', en: 'Unit' },
      aliases: ['don vi', 'co quan', 'co quan don vi', 'don vi cong tac', 'noi cong tac', 'unit', 'organization', 'organisation', 'department'],
      example: 'Văn phòng Ủy ban nhân dân tỉnh',
    },
    {
      key: 'unitCode',
      label: { vi: 'Mã định danh đơn vị', en: 'Unit code' },
      aliases: ['ma dinh danh don vi', 'ma dinh danh co quan', 'ma don vi', 'ma co quan', 'unit code', 'organization code', 'organ code'],
      example: '000.00.31.H41',
    },
    {
      key: 'email',
      label: { vi: 'Email', en: 'Email' },
      aliases: ['email', 'e mail', 'thu dien tu', 'dia chi email', 'dia chi thu dien tu'],
      example: 'nvan@laocai.gov.vn',
    },
    {
      key: 'phone',
      label: { vi: 'Điện thoại', en: 'Phone' },
      aliases: ['dien thoai', 'so dien thoai', 'sdt', 'dt', 'dien thoai di dong', 'phone', 'telephone', 'phone number', 'mobile'],
      example: '0214 3840 123',
    },
  ],
  organizations: [
    {
      key: 'organCode',
      label: { vi: 'Mã định danh', en: 'Organ code' },
      aliases: ['ma dinh danh', 'ma', 'ma co quan', 'ma don vi', 'ma dinh danh co quan', 'organ code', 'code'],
      example: '000.00.31.H41',
    },
    {
      key: 'name',
      label: { vi: 'Tên cơ quan, đơn vị', en: 'Name' },
      aliases: ['ten co quan don vi', 'ten co quan', 'ten don vi', 'ten', 'co quan don vi', 'name', 'unit name', 'organization name'],
      required: true,
      example: 'Văn phòng Ủy ban nhân dân tỉnh',
    },
    {
      key: 'shortName',
      label: { vi: 'Tên viết tắt', en: 'Short name' },
      aliases: ['ten viet tat', 'viet tat', 'short name', 'abbreviation'],
      example: 'VP UBND tỉnh',
    },
    {
      key: 'parentCode',
      label: { vi: 'Mã định danh cấp trên', en: 'Parent code' },
      aliases: ['ma dinh danh cap tren', 'ma cap tren', 'ma don vi cap tren', 'ma co quan cap tren', 'parent code', 'parent organ code', 'parent'],
      example: '000.00.00.H41',
    },
  ],
};

/** A header cell as compared: folded, punctuation gone ("Tên cơ quan, đơn vị" → "ten co quan don vi"). */
export function headerKey(text: string): string {
  return foldText(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Column index → column key for a row that is the table's header, or null if it is not one. */
export function matchHeader(kind: DirectoryImportKind, cells: string[]): Map<number, string> | null {
  const specs = importColumns[kind];
  const found = new Map<number, string>();
  const taken = new Set<string>();
  cells.forEach((cell, index) => {
    const key = headerKey(cell);
    if (!key) return;
    const spec = specs.find((s) => !taken.has(s.key) && s.aliases.includes(key));
    if (spec) {
      found.set(index, spec.key);
      taken.add(spec.key);
    }
  });
  return specs.every((s) => !s.required || taken.has(s.key)) ? found : null;
}

/** What the header row must contain, for the error shown when no header row is found. */
export function expectedHeaders(kind: DirectoryImportKind): LocalizedText {
  const specs = importColumns[kind];
  return {
    vi: specs.map((s) => `"${s.label.vi}"${s.required ? ' (bắt buộc)' : ''}`).join(', '),
    en: specs.map((s) => `"${s.label.en}"${s.required ? ' (required)' : ''}`).join(', '),
  };
}
