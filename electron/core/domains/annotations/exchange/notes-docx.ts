import { AlignmentType, convertMillimetersToTwip, Document, Packer, Paragraph, TextRun } from 'docx';
import { UNPLACED_NOTE, type NotesOutline } from './notes-outline.ts';

/** Nghị định 30/2020 habits: Times New Roman 14 pt on A4, margins top/bottom 20, left 30, right 15 mm. */
const FONT = 'Times New Roman';
const SIZE = 28; // half-points

/** "My notes" as a Word document. */
export async function notesDocx(outline: NotesOutline): Promise<Buffer> {
  const children: Paragraph[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 120 }, children: [new TextRun({ text: outline.title, bold: true })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text: outline.documentLine, bold: true })] }),
    new Paragraph({ children: [new TextRun(outline.authorLine)] }),
    new Paragraph({ spacing: { after: 240 }, children: [new TextRun({ text: outline.exportedLine, italics: true })] }),
  ];
  for (const e of outline.entries) {
    children.push(
      new Paragraph({
        keepNext: true,
        spacing: { before: 240, after: 60 },
        children: [new TextRun({ text: `${e.page} — ${e.kind}`, bold: true }), ...(e.unplaced ? [new TextRun({ text: ` ${UNPLACED_NOTE}`, italics: true })] : [])],
      }),
    );
    if (e.quoted) {
      children.push(new Paragraph({ indent: { left: convertMillimetersToTwip(10) }, keepNext: true, children: [new TextRun({ text: `“${e.quoted}”`, italics: true })] }));
    }
    for (const line of (e.contents ?? '').split('\n').filter((l, i, all) => l !== '' || all.length === 1)) {
      if (line) children.push(new Paragraph({ keepNext: true, children: [new TextRun(line)] }));
    }
    children.push(new Paragraph({ children: [new TextRun({ text: e.time, size: SIZE - 4, color: '555555' })] }));
  }
  const doc = new Document({
    creator: 'Nghị Sự',
    title: outline.documentLine,
    styles: { default: { document: { run: { font: FONT, size: SIZE } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
            margin: {
              top: convertMillimetersToTwip(20),
              bottom: convertMillimetersToTwip(20),
              left: convertMillimetersToTwip(30),
              right: convertMillimetersToTwip(15),
            },
          },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
