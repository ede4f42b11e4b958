import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import type { Core } from '../../electron/core/index.ts';
import { documentWithProfile } from '../support/annotated-document.ts';
import { FIXTURE_PDFS } from '../support/pdf-fixtures.ts';
import { tempDir } from '../support/temp-dir.ts';

let core: Core | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

/**
 * A PDF readers open (pdf.js renders and indexes it) whose page dictionary is hostile to a writer:
 * /Annots is a number and /Resources a string, so adding an annotation object cannot succeed.
 */
function hostilePdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Annots 42 /Resources (x) >>',
  ];
  const stream = 'BT /F1 12 Tf 72 720 Td (Bao cao) Tj ET';
  let body = '%PDF-1.7\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  offsets.push(body.length);
  body += `4 0 obj\n<< /Length ${stream.length} >>\nstream\n${stream}\nendstream\nendobj\n`;
  const xref = body.length;
  body += `xref\n0 5\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

async function exportWithOneNote(file: string): Promise<{ pdf: unknown; flat: unknown }> {
  const base = await documentWithProfile(tempDir(), file);
  core = base.core;
  await base.core.call('annotations.create', {
    id: uuidv7(),
    documentId: base.document.id,
    kind: 'note',
    pageIndex: 0,
    color: '#FFB000',
    geometry: { at: [100, 500] },
    contents: 'Ghi chú',
  });
  const settle = (p: Promise<unknown>) => p.then(() => 'ok', (e: unknown) => e);
  const pdf = await settle(base.core.call('annotations.exportPdf', { documentId: base.document.id }));
  const flat = await settle(base.core.call('annotations.exportPdf', { documentId: base.document.id, flatten: true }));
  await base.core.close();
  core = undefined;
  return { pdf, flat };
}

describe('annotated PDF export of hostile files', () => {
  it('answers PDF_INVALID with the file name, never INTERNAL, for a PDF whose pages cannot take annotations', async () => {
    const file = join(tempDir(), 'Tờ trình hỏng.pdf');
    writeFileSync(file, hostilePdf());
    const { pdf, flat } = await exportWithOneNote(file);
    for (const outcome of [pdf, flat]) {
      expect(outcome).toMatchObject({ code: 'PDF_INVALID' });
      expect((outcome as { text: { vi: string } }).text.vi).toContain('Tờ trình hỏng.pdf');
    }
  });

  it('exports or refuses clearly every shared fixture PDF', async () => {
    for (const name of readdirSync(FIXTURE_PDFS).filter((n) => n.endsWith('.pdf'))) {
      const file = join(tempDir(), name);
      writeFileSync(file, readFileSync(join(FIXTURE_PDFS, name)));
      const { pdf, flat } = await exportWithOneNote(file);
      for (const outcome of [pdf, flat]) {
        if (outcome !== 'ok') expect(outcome, name).toMatchObject({ code: expect.stringMatching(/^PDF_(INVALID|ENCRYPTED)$/) });
      }
    }
  });
});
