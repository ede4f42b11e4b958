import { InvalidArgumentError, type Command } from 'commander';
import { printResult } from '../output.ts';
import { withCore, type CommandContext } from '../with-core.ts';

function whole(min: number, max: number) {
  return (value: string) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`cần số nguyên ${min}–${max} / a whole number ${min}–${max}`);
    return n;
  };
}

export function registerSeedCommand(program: Command, { globals, setExit }: CommandContext): void {
  program
    .command('seed')
    .description('tạo dữ liệu mẫu N năm của một tỉnh vào thư mục dữ liệu trống / generate N years of sample data into an empty data folder')
    .requiredOption('--years <n>', 'số năm (1–20); 10 năm = 3.000 cuộc họp, 40.000 tài liệu, 100.000 trang / years (1–20)', whole(1, 20))
    .option('--seed <n>', 'hạt giống ngẫu nhiên: cùng hạt giống, cùng dữ liệu / random seed', whole(0, 2 ** 31))
    .action(async (cmd: { years: number; seed?: number }) => {
      setExit(
        await withCore(globals(), async (core, out) => {
          const r = await core.call('seed.generate', { years: cmd.years, ...(cmd.seed === undefined ? {} : { seed: cmd.seed }) });
          printResult(out, r, () =>
            out.lang === 'vi'
              ? `Đã tạo dữ liệu ${r.years} năm: ${r.committees} Ban Chỉ đạo, ${r.people} cán bộ, ${r.meetings} cuộc họp, ${r.agendaItems} nội dung, ${r.documents} tài liệu, ${r.pages} trang, ${r.tasks} nhiệm vụ (${(r.ms / 1000).toFixed(1)} giây).`
              : `Generated ${r.years} years: ${r.committees} committees, ${r.people} people, ${r.meetings} meetings, ${r.agendaItems} agenda items, ${r.documents} documents, ${r.pages} pages, ${r.tasks} tasks (${(r.ms / 1000).toFixed(1)} s).`,
          );
        }),
      );
    });
}
