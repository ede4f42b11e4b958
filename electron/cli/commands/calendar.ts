import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { CalendarYear, FieldIssue } from '../../../shared/contract/index.ts';
import { CoreError } from '../../core/index.ts';
import { dayArg, intArg } from '../args.ts';
import { printResult, type Output } from '../output.ts';
import { withCore, type CommandContext } from '../with-core.ts';

const tr = (out: Output, vi: string, en: string) => (out.lang === 'vi' ? vi : en);
const dmy = (d: string) => d.split('-').reverse().join('/');

function yearText(out: Output, y: CalendarYear): string {
  const lines = [`${tr(out, 'Ngày nghỉ lễ, tết năm', 'Public holidays of')} ${y.year}:`];
  for (const h of y.holidays) lines.push(`  ${dmy(h.date)}  ${h.name[out.lang]}${h.source === 'override' ? tr(out, ' (quản trị viên)', ' (administrator)') : ''}`);
  if (y.workingWeekends.length) {
    lines.push(tr(out, 'Ngày cuối tuần làm việc:', 'Weekend days worked:'));
    for (const d of y.workingWeekends) lines.push(`  ${dmy(d.date)}  ${d.note}`);
  }
  return lines.join('\n');
}

/**
 * One line per day, `YYYY-MM-DD,off|work,note`: the year's official decision as the administrator
 * types it. Every bad row is reported with its line number and nothing is saved.
 */
function parseDays(text: string): Array<{ date: string; kind: 'off' | 'work'; note: string }> {
  const rows: Array<{ date: string; kind: 'off' | 'work'; note: string }> = [];
  const issues: FieldIssue[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#') || /^date\s*,/i.test(line)) return;
    const [date = '', kind = '', ...note] = line.split(',').map((s) => s.trim());
    if (kind !== 'off' && kind !== 'work') {
      issues.push({ path: `line ${i + 1}`, message: `Dòng ${i + 1}: loại ngày phải là off hoặc work`, messageEn: `Line ${i + 1}: the kind must be off or work` });
      return;
    }
    rows.push({ date, kind, note: note.join(',') || (kind === 'off' ? 'Ngày nghỉ' : 'Ngày làm việc') });
  });
  if (issues.length) throw new CoreError('INVALID_INPUT', { vi: issues.map((i) => i.message).join('\n'), en: issues.map((i) => i.messageEn).join('\n') }, issues);
  return rows;
}

/** Every field issue of a refused import, one per line, so the administrator fixes all rows at once. */
function describeIssues(e: unknown, rowsLines: number[]): never {
  if (e instanceof CoreError && e.code === 'INVALID_INPUT' && Array.isArray(e.details)) {
    const issues = (e.details as FieldIssue[]).map((i) => {
      const row = /^days\.(\d+)/.exec(i.path);
      const where = row ? rowsLines[Number(row[1])] : undefined;
      return { vi: `${where ? `Dòng ${where}: ` : ''}${i.message}`, en: `${where ? `Line ${where}: ` : ''}${i.messageEn}` };
    });
    throw new CoreError(
      'INVALID_INPUT',
      { vi: `Không lưu ngày nào.\n${issues.map((i) => i.vi).join('\n')}`, en: `Nothing saved.\n${issues.map((i) => i.en).join('\n')}` },
      e.details,
    );
  }
  throw e;
}

/** `nghisu calendar …`: the working calendar deadlines are counted in. */
export function registerCalendarCommands(program: Command, { globals, setExit }: CommandContext): void {
  const calendar = program.command('calendar').description('lịch làm việc, ngày nghỉ lễ / working calendar and holidays');
  const run = (body: Parameters<typeof withCore>[1]) => withCore(globals(), body).then(setExit);

  calendar
    .command('add-days')
    .description('cộng N ngày làm việc (bỏ qua cuối tuần, ngày lễ, tết) / add N working days')
    .requiredOption('--from <day>', 'ngày bắt đầu YYYY-MM-DD / start date', dayArg)
    .requiredOption('--days <n>', 'số ngày làm việc / working days', intArg(0, 3650))
    .action(async (o: { from: string; days: number }) => {
      await run(async (core, out) => {
        const r = await core.call('calendar.addDays', { from: o.from, days: o.days });
        printResult(out, r, () => `${o.days} ${tr(out, 'ngày làm việc kể từ', 'working days from')} ${dmy(r.from)}: ${dmy(r.date)}`);
      });
    });

  calendar
    .command('holidays')
    .description('ngày nghỉ lễ, tết của một năm (kể cả âm lịch, nghỉ bù) / public holidays of a year')
    .requiredOption('--year <yyyy>', 'năm / year', intArg(1900, 2199))
    .action(async (o: { year: number }) => {
      await run(async (core, out) => {
        const y = await core.call('calendar.holidays', { year: o.year });
        printResult(out, y, () => yearText(out, y));
      });
    });

  calendar
    .command('set')
    .description('đặt một ngày nghỉ (off) hoặc ngày làm việc (work) theo quyết định hằng năm / set a day off or a day worked')
    .requiredOption('--date <day>', 'ngày / date', dayArg)
    .requiredOption('--kind <kind>', 'off | work')
    .requiredOption('--note <text>', 'căn cứ, vd. "Nghỉ bù theo Thông báo số …" / why')
    .action(async (o: { date: string; kind: string; note: string }) => {
      await run(async (core, out) => {
        const years = await core.call('calendar.setDays', { days: [{ date: o.date, kind: o.kind as 'off' | 'work', note: o.note }] });
        printResult(out, years, () => years.map((y) => yearText(out, y)).join('\n\n'));
      });
    });

  calendar
    .command('remove')
    .description('bỏ một thay đổi của quản trị viên / remove an administrator change')
    .requiredOption('--date <day>', 'ngày / date', dayArg)
    .action(async (o: { date: string }) => {
      await run(async (core, out) => {
        const r = await core.call('calendar.removeDay', { date: o.date });
        printResult(out, r, () => (r.removed ? tr(out, 'Đã bỏ.', 'Removed.') : tr(out, 'Ngày này không có thay đổi nào.', 'No change on that day.')));
      });
    });

  calendar
    .command('import')
    .description('nhập danh sách ngày từ tệp CSV (ngày,off|work,ghi chú); một dòng sai thì không lưu gì / import days from CSV; one bad row saves nothing')
    .argument('<file>', 'tệp CSV / CSV file')
    .action(async (file: string) => {
      await run(async (core, out) => {
        const text = readFileSync(file, 'utf8');
        const days = parseDays(text);
        const lines = text.split(/\r?\n/).flatMap((l, i) => (l.trim() && !l.trim().startsWith('#') && !/^date\s*,/i.test(l.trim()) ? [i + 1] : []));
        const years = await core.call('calendar.setDays', { days }).catch((e: unknown) => describeIssues(e, lines));
        printResult(out, years, () => `${tr(out, 'Đã nhập', 'Imported')} ${days.length} ${tr(out, 'ngày.', 'days.')}\n\n${years.map((y) => yearText(out, y)).join('\n\n')}`);
      });
    });
}
