import { resolve } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { IMPORT_MAX_FILES, type DocumentSummary, type ImportFileResult, type SearchResult } from '../../../shared/contract/index.ts';
import { printResult, type Output } from '../output.ts';
import { EXIT_FAILED, withCore, type CommandContext } from '../with-core.ts';

function label(d: DocumentSummary): string {
  const number = [d.number, d.notation].filter(Boolean).join('/');
  return [number ? `Số ${number}` : null, d.typeLabel, d.fileName].filter(Boolean).join(' · ');
}

function importLines(out: Output, results: ImportFileResult[]): string {
  const vi = out.lang === 'vi';
  const lines = results.map((r) => {
    if (!r.ok) return `✗ ${r.fileName} — ${r.error.message[out.lang]}`;
    if (r.duplicate) return `= ${r.fileName} — ${vi ? 'đã có trong kho' : 'already in the library'} (${label(r.document)})`;
    const pages = r.document.pageCount === null ? '' : vi ? `, ${r.document.pageCount} trang` : `, ${r.document.pageCount} pages`;
    return `✓ ${r.fileName} — ${vi ? 'đã nhập' : 'imported'} (${label(r.document)}${pages})`;
  });
  const imported = results.filter((r) => r.ok && !r.duplicate).length;
  const duplicates = results.filter((r) => r.ok && r.duplicate).length;
  const failed = results.length - imported - duplicates;
  lines.push(
    vi
      ? `Đã nhập ${imported}, đã có sẵn ${duplicates}, lỗi ${failed} (tổng ${results.length} tệp).`
      : `Imported ${imported}, already there ${duplicates}, failed ${failed} (${results.length} files).`,
  );
  return lines.join('\n');
}

function searchLines(out: Output, result: SearchResult): string {
  const vi = out.lang === 'vi';
  if (result.hits.length === 0) return vi ? 'Không tìm thấy tài liệu nào.' : 'No documents found.';
  const lines: string[] = [];
  result.hits.forEach((hit, i) => {
    const meta = hit.metadataHit ? (vi ? '  [khớp thông tin văn bản]' : '  [metadata match]') : '';
    lines.push(`${i + 1}. ${label(hit.document)}${meta}`);
    if (hit.document.summary) lines.push(`   ${hit.document.summary}`);
    for (const page of hit.pages) {
      const snippet = page.snippet.map((s) => (s.hit ? `«${s.text}»` : s.text)).join('');
      lines.push(`   ${vi ? 'tr.' : 'p.'} ${page.pageNo}: ${snippet}`);
    }
  });
  if (result.more) lines.push(vi ? '… còn kết quả khác (dùng --limit để xem thêm).' : '… more results (use --limit to see more).');
  return lines.join('\n');
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 100) throw new InvalidArgumentError('từ 1 đến 100 / 1 to 100');
  return n;
}

export function registerDocumentCommands(program: Command, { globals, setExit }: CommandContext): void {
  program
    .command('import-pdf')
    .description('nhập tài liệu PDF (và tệp Word, Excel, ảnh) vào kho / import PDFs (and Word, Excel, images) into the library')
    .argument('<files...>', 'các tệp cần nhập / files to import')
    .action(async (files: string[]) => {
      setExit(
        await withCore(globals(), async (core, out) => {
          const results: ImportFileResult[] = [];
          for (let i = 0; i < files.length; i += IMPORT_MAX_FILES) {
            const paths = files.slice(i, i + IMPORT_MAX_FILES).map((f) => resolve(f));
            results.push(...(await core.call('documents.importFiles', { paths })).results);
          }
          printResult(out, { results }, () => importLines(out, results));
          // Every good file is imported whatever happens to the others; the exit code tells a script.
          return results.some((r) => !r.ok) ? EXIT_FAILED : undefined;
        }),
      );
    });

  program
    .command('search')
    .description('tìm trong kho tài liệu, không cần dấu / search the library, accents optional')
    .argument('<query...>', 'từ khóa / keywords')
    .option('--limit <n>', 'số tài liệu tối đa / most documents to show', positiveInt, 20)
    .action(async (words: string[], cmd: { limit: number }) => {
      setExit(
        await withCore(globals(), async (core, out) => {
          const result = await core.call('documents.search', { query: words.join(' '), limit: cmd.limit });
          printResult(out, result, () => searchLines(out, result));
        }),
      );
    });
}
