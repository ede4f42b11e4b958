import type { Command } from 'commander';
import type { BackupContents, BackupResult, RestoreResult } from '../../../shared/contract/index.ts';
import { printResult, type Lang } from '../output.ts';
import { formatBytes, withCore, type CommandContext } from '../with-core.ts';

/** What is never in a backup, whatever its options: said every time, so nobody assumes otherwise. */
const NEVER_INCLUDED = {
  vi: 'Không gồm: nhật ký (logs/), tệp tạm và tệp xuất (tmp/, staging/, exports/), các cơ sở dữ liệu cũ giữ trong backups/.',
  en: 'Not included: logs (logs/), temporary and exported files (tmp/, staging/, exports/), the older databases kept in backups/.',
};

function contentLines(c: BackupContents, lang: Lang): string[] {
  if (c.format === 'database') {
    return lang === 'vi'
      ? ['Bản sao lưu kiểu cũ: chỉ có cơ sở dữ liệu — KHÔNG có tệp tài liệu và KHÔNG có khóa ký riêng.']
      : ['An old-style backup: the database only — NO document files and NO private signing key.'];
  }
  const lines =
    lang === 'vi'
      ? [`Bản sao lưu gồm: cơ sở dữ liệu; ${c.documentFiles} tệp tài liệu (${formatBytes(c.documentBytes)})${c.signingKey ? '; khóa ký riêng của hồ sơ' : ''}.`]
      : [`The backup holds: the database; ${c.documentFiles} document files (${formatBytes(c.documentBytes)})${c.signingKey ? "; the profile's private signing key" : ''}.`];
  if (c.missingDocumentFiles > 0) {
    lines.push(
      lang === 'vi'
        ? `Cảnh báo: ${c.missingDocumentFiles} tệp tài liệu không có trong bản sao lưu vì đã mất hoặc hỏng trong kho khi sao lưu.`
        : `Warning: ${c.missingDocumentFiles} document files are not in the backup: they were missing or damaged in the store when it was made.`,
    );
  }
  return lines;
}

function backupText(r: BackupResult, lang: Lang): string {
  const lines = [
    lang === 'vi'
      ? `Đã sao lưu vào ${r.file} (${formatBytes(r.bytes)}, lược đồ ${r.schemaVersion}, SHA-256 ${r.sha256}).`
      : `Backed up to ${r.file} (${formatBytes(r.bytes)}, schema ${r.schemaVersion}, SHA-256 ${r.sha256}).`,
    ...contentLines(r.contents, lang),
    r.contents.signingKey
      ? lang === 'vi'
        ? 'BÍ MẬT: tệp chứa khóa ký riêng — ai có tệp có thể ký gói tài liệu thay hồ sơ này. Cất giữ như tài liệu mật (tệp chỉ chủ sở hữu đọc được, 0600).'
        : 'SECRET: the file holds the private signing key — whoever has it can sign packs as this profile. Keep it as a classified document (owner-only, 0600).'
      : lang === 'vi'
        ? 'Không có khóa ký riêng (bỏ ra theo --without-key, hoặc máy chưa có hồ sơ): khôi phục trên máy khác sẽ không ký được cho đến khi chép thư mục keys/ sang.'
        : 'The private signing key is not included (left out by --without-key, or there is no profile yet): restored on another computer, signing fails until the keys/ folder is copied over.',
    NEVER_INCLUDED[lang],
  ];
  return lines.join('\n');
}

function restoreText(r: RestoreResult, lang: Lang): string {
  const f = r.documentFiles;
  const key = {
    written: { vi: 'đã ghi từ bản sao lưu', en: 'written from the backup' },
    present: { vi: 'đã có trên máy này', en: 'already on this computer' },
    missing: {
      vi: 'THIẾU — chưa ký được gói tài liệu cho đến khi chép tệp khóa vào thư mục keys/',
      en: 'MISSING — packs cannot be signed until the key file is copied into keys/',
    },
    'no-profile': { vi: 'chưa có hồ sơ', en: 'no profile yet' },
  }[r.signingKey][lang];
  const lines =
    lang === 'vi'
      ? [
          `Đã khôi phục từ ${r.file} (lược đồ ${r.schemaVersion}).`,
          ...contentLines(r.contents, lang),
          `Tệp tài liệu: ${f.written} ghi từ bản sao lưu, ${f.alreadyStored} đã có trong kho, ${f.missing} thiếu.`,
          `Khóa ký: ${key}.`,
          `Cơ sở dữ liệu cũ được giữ ở ${r.previousCopy}; tài liệu của nó vẫn nằm trong kho. Hoàn tác: nghisu restore "${r.previousCopy}"`,
        ]
      : [
          `Restored from ${r.file} (schema ${r.schemaVersion}).`,
          ...contentLines(r.contents, lang),
          `Document files: ${f.written} written from the backup, ${f.alreadyStored} already stored, ${f.missing} missing.`,
          `Signing key: ${key}.`,
          `The replaced database is kept at ${r.previousCopy}; its documents stay in the store. To undo: nghisu restore "${r.previousCopy}"`,
        ];
  if (f.missing > 0) {
    lines.push(
      lang === 'vi'
        ? `Cảnh báo: ${f.missing} tài liệu không có tệp trên máy này; mở chúng sẽ báo lỗi cho đến khi nhập lại tệp gốc.`
        : `Warning: ${f.missing} documents have no file on this computer; opening them fails until the original file is imported again.`,
    );
  }
  return lines.join('\n');
}

export function registerBackupCommands(program: Command, { globals, setExit }: CommandContext): void {
  program
    .command('backup')
    .description('sao lưu cơ sở dữ liệu, tệp tài liệu và khóa ký thành một tệp đã kiểm tra / back up the database, document files and signing key into one verified file')
    .argument('<file>', 'tệp sao lưu / backup file')
    .option('--force', 'ghi đè nếu tệp đã có / overwrite an existing file', false)
    .option('--without-key', 'không đưa khóa ký riêng vào bản sao lưu / leave the private signing key out', false)
    .action(async (file: string, cmd: { force: boolean; withoutKey: boolean }) => {
      setExit(
        await withCore(globals(), async (core, out) => {
          const r = await core.call('backup.create', { file, overwrite: cmd.force, signingKey: !cmd.withoutKey });
          printResult(out, r, () => backupText(r, out.lang));
        }),
      );
    });

  program
    .command('restore')
    .description('khôi phục từ bản sao lưu (đóng ứng dụng trước) / restore a backup (close the app first)')
    .argument('<file>', 'tệp sao lưu / backup file')
    .action(async (file: string) => {
      setExit(
        await withCore(globals(), async (core, out) => {
          const r = await core.call('backup.restore', { file });
          printResult(out, r, () => restoreText(r, out.lang));
        }),
      );
    });
}
