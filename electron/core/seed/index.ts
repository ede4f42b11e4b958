import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { MethodInput, SeedResult } from '../../../shared/contract/index.ts';
import type { ServiceContext } from '../context.ts';
import type { DocumentsDomain } from '../domains/documents/index.ts';
import { CoreError } from '../errors.ts';
import { scratchPath } from '../files/scratch.ts';
import { generateDataset } from './generate-dataset.ts';
import { createRandom } from './random.ts';
import { writeSamplePdf } from './sample-pdf.ts';

/** Real PDFs the seeded documents share: every row opens a genuine file, the store keeps each once. */
const SAMPLE_FILES = 16;

/** `nghisu seed --years N`: the generated dataset, into an empty data folder only. */
export function createSeedService(ctx: ServiceContext, documents: DocumentsDomain) {
  return {
    async generate(input: MethodInput<'seed.generate'>): Promise<SeedResult> {
      const existing = ctx.db.prepare('SELECT (SELECT count(*) FROM meetings) + (SELECT count(*) FROM documents)').pluck().get() as number;
      if (existing > 0) {
        throw new CoreError('CONFLICT', {
          vi: 'Thư mục dữ liệu này đã có cuộc họp hoặc tài liệu. Chỉ tạo dữ liệu mẫu trong một thư mục dữ liệu trống (--data-dir).',
          en: 'This data folder already holds meetings or documents. Generate the sample dataset into an empty data folder (--data-dir).',
        });
      }
      const started = performance.now();
      const scratch = scratchPath(ctx.paths, 'seed');
      mkdirSync(scratch, { recursive: true });
      const blobs: string[] = [];
      try {
        const r = createRandom(input.seed ?? 1);
        for (let i = 0; i < SAMPLE_FILES; i++) {
          const file = join(scratch, `mau-${i}.pdf`);
          await writeSamplePdf(file, r, 1 + (i % 4), 100 + i);
          blobs.push((await documents.storeBlobFromFile(file)).sha256);
        }
      } finally {
        rmSync(scratch, { recursive: true, force: true });
      }
      const actor = ctx.actorId();
      const { tasks, plan, ...counts } = generateDataset(
        {
          db: ctx.db,
          blobs,
          insertDocument(d, pages) {
            documents.insertDocument({
              id: d.id,
              sha256: d.blobSha256,
              fileName: d.fileName,
              kind: 'pdf',
              mime: 'application/pdf',
              pages,
              number: d.number,
              notation: d.notation,
              issueDate: d.issueDate,
              issuer: d.issuer,
              summary: d.summary,
              typeCode: d.typeCode,
              classification: 'normal',
              urgency: 'normal',
              createdBy: actor,
              createdAt: d.createdAt,
            });
          },
          onProgress: (done, total) => ctx.log.info({ done, total }, 'seeding'),
        },
        { years: input.years, until: ctx.now(), ...(input.seed === undefined ? {} : { seed: input.seed }) },
      );
      ctx.log.info(tasks, 'seeded tasks');
      ctx.log.info(plan, 'seeded action plan');
      ctx.db.pragma('optimize');
      ctx.events.emit('data.changed', { area: 'meetings' });
      ctx.events.emit('data.changed', { area: 'documents' });
      ctx.events.emit('data.changed', { area: 'tasks' });
      ctx.events.emit('data.changed', { area: 'plans' });
      return {
        years: input.years,
        ...counts,
        tasks: tasks.tasks,
        taskEvents: tasks.taskEvents,
        taskExtensions: tasks.taskExtensions,
        ms: Math.round(performance.now() - started),
      };
    },
  };
}
