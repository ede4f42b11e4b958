import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { makeOpenCopy, openCopiesRoot, planOpen, readForSniffing, sweepOpenCopies } from '../../electron/core/files/open-policy.ts';
import { FIXTURE_PDFS } from '../support/pdf-fixtures.ts';
import { tempDir } from '../support/temp-dir.ts';
import { encryptBytes, openStoredFile } from '../../electron/core/files/blob-cipher.ts';

async function zip(entries: [name: string, content: string, compress?: boolean][]): Promise<Buffer> {
  const out = new yazl.ZipFile();
  for (const [name, content, compress = true] of entries) out.addBuffer(Buffer.from(content), name, { compress });
  out.end();
  const chunks: Buffer[] = [];
  for await (const chunk of out.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function realDocx(): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Báo cáo tình hình')] }] }));
}

async function realXlsx(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Danh sách').addRow(['Họ tên', 'Đơn vị']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A Windows Installer package is an OLE file whose root entry carries the installer's CLSID. */
function msiLike(): Buffer {
  const b = Buffer.alloc(4096);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b);
  const root = 1024;
  Buffer.from('Root Entry', 'utf16le').copy(b, root);
  Buffer.from([0x84, 0x10, 0x0c, 0x00, 0, 0, 0, 0, 0xc0, 0, 0, 0, 0, 0, 0, 0x46]).copy(b, root + 0x50);
  return b;
}

function oleWith(stream: string): Buffer {
  const b = Buffer.alloc(4096);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b);
  Buffer.from('Root Entry', 'utf16le').copy(b, 1024);
  Buffer.from(stream, 'utf16le').copy(b, 1152);
  return b;
}

const pdf = () => readFileSync(join(FIXTURE_PDFS, 'rotated.pdf'));
const PE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);
const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]), Buffer.alloc(100)]);
const MACHO = Buffer.concat([Buffer.from([0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1]), Buffer.alloc(100)]);
const LNK = Buffer.concat([Buffer.from([0x4c, 0, 0, 0, 0x01, 0x14, 0x02, 0x00]), Buffer.alloc(100)]);

describe('open with the system program: the stored bytes decide', () => {
  it('names a document by what it is, whatever extension the page asked for', async () => {
    expect(planOpen(pdf(), 'Tờ trình số 12.pdf', false)).toEqual({ status: 'open', fileName: 'Tờ trình số 12.pdf', mime: 'application/pdf', document: true });
    expect(planOpen(pdf(), 'Tờ trình.docx', false)).toMatchObject({ status: 'open', fileName: 'Tờ trình.pdf' });
    expect(planOpen(await realDocx(), 'Báo cáo', false)).toMatchObject({ status: 'open', fileName: 'Báo cáo.docx', document: true });
    expect(planOpen(await realXlsx(), 'Danh sách.pdf', false)).toMatchObject({ status: 'open', fileName: 'Danh sách.xlsx', document: true });
    const odt = await zip([['mimetype', 'application/vnd.oasis.opendocument.text', false], ['content.xml', '<office:document-content/>']]);
    expect(planOpen(odt, 'Biên bản.odt', false)).toMatchObject({ status: 'open', fileName: 'Biên bản.odt', document: true });
    expect(planOpen(oleWith('WordDocument'), 'Công văn.doc', false)).toMatchObject({ status: 'open', fileName: 'Công văn.doc' });
    expect(planOpen(oleWith('Workbook'), 'Số liệu.xls', false)).toMatchObject({ status: 'open', fileName: 'Số liệu.xls' });
    expect(planOpen(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'Sơ đồ.png', false)).toMatchObject({ fileName: 'Sơ đồ.png' });
    expect(planOpen(Buffer.from('Ghi chú cuộc họp\nNội dung…'), 'ghi-chu.pdf', false)).toMatchObject({ status: 'open', fileName: 'ghi-chu.txt' });
  });

  it('refuses executable and script extensions in the name, even when the content is a PDF', () => {
    for (const name of ['Giấy mời.exe', 'hop.cmd', 'a.bat', 'a.com', 'a.hta', 'a.js', 'a.jse', 'a.vbs', 'a.vbe', 'a.wsf', 'a.ps1', 'a.psm1', 'a.scr',
      'a.lnk', 'a.msi', 'a.msp', 'a.jar', 'a.reg', 'a.cpl', 'a.pif', 'a.application', 'a.appref-ms', 'a.sh', 'a.desktop', 'a.AppImage', 'a.dmg', 'a.pkg', 'Báo cáo.pdf.EXE']) {
      expect(() => planOpen(pdf(), name, true), name).toThrow(expect.objectContaining({ code: 'FILE_INVALID' }));
    }
  });

  it('refuses right-to-left override and other hidden characters in the name', () => {
    for (const name of ['Báo cáo\u202Efdp.exe', 'Báo cáo\u202Excod.pdf', 'a\u2066b.pdf', 'a\u200Fb.pdf', 'a\u200Bb.pdf', 'a\u0007.pdf', 'a\u061Cb.pdf']) {
      expect(() => planOpen(pdf(), name, true), JSON.stringify(name)).toThrow(expect.objectContaining({ code: 'FILE_INVALID' }));
    }
  });

  it('refuses programs and scripts by content, whatever the name says', async () => {
    const jar = await zip([['META-INF/MANIFEST.MF', 'Main-Class: X\n'], ['X.class', '\xca\xfe\xba\xbe']]);
    const cases: [Buffer, string][] = [
      [PE, 'Tờ trình.pdf'],
      [ELF, 'bao-cao.docx'],
      [MACHO, 'so-lieu.xlsx'],
      [LNK, 'anh.png'],
      [msiLike(), 'cong-van.doc'],
      [jar, 'bien-ban.docx'],
      [Buffer.from('#!/bin/sh\nrm -rf ~\n'), 'ghi-chu.txt'],
      [Buffer.from('@echo off\r\ndel /q %USERPROFILE%\\*\r\n'), 'ghi-chu.txt'],
      [Buffer.from('\ufeff<HTA:APPLICATION id="x"><script>new ActiveXObject("WScript.Shell").Run("calc")</script>'), 'trang.txt'],
      [Buffer.from('[Desktop Entry]\nExec=sh -c evil\n'), 'loi-moi.txt'],
    ];
    for (const [bytes, name] of cases) {
      expect(() => planOpen(bytes, name, true), name).toThrow(expect.objectContaining({ code: 'FILE_INVALID' }));
    }
  });

  it('asks before opening what is not a plain document, then opens it under a harmless extension', async () => {
    const macro = await zip([['[Content_Types].xml', '<Types/>'], ['word/document.xml', '<w:document/>'], ['word/vbaProject.bin', 'VBA']]);
    const first = planOpen(macro, 'Tờ trình.docx', false);
    expect(first).toMatchObject({ status: 'needs-confirmation', fileName: 'Tờ trình.docm' });
    if (first.status === 'needs-confirmation') expect(first.what.vi).toContain('macro');
    expect(planOpen(macro, 'Tờ trình.docx', true)).toMatchObject({ status: 'open', fileName: 'Tờ trình.docm', document: false });

    const archive = await zip([['a.txt', 'x']]);
    expect(planOpen(archive, 'Hồ sơ.docx', false)).toMatchObject({ status: 'needs-confirmation', fileName: 'Hồ sơ.zip' });
    const unknown = Buffer.from([0x00, 0x01, 0x02, 0x03, 0xff, 0xfe, 0x00, 0x10]);
    expect(planOpen(unknown, 'Dữ liệu.pdf', false)).toMatchObject({ status: 'needs-confirmation', fileName: 'Dữ liệu.bin' });
    expect(planOpen(oleWith('Macros'), 'x.doc', false)).toMatchObject({ status: 'needs-confirmation' });
  });

  it('copies the plain bytes of an encrypted stored file into a per-profile temp folder and sweeps every copy away', async () => {
    const tmp = tempDir();
    const file = join(tempDir(), 'blob');
    const key = randomBytes(32);
    writeFileSync(file, await encryptBytes(key, pdf()));
    const source = { fileName: 'Tờ trình.pdf', open: () => openStoredFile(file, key) };
    const root = openCopiesRoot(tmp, '/data/profile-a');
    expect(openCopiesRoot(tmp, '/data/profile-b')).not.toBe(root);
    const plan = planOpen(await readForSniffing(source), 'Tờ trình.pdf', false);
    if (plan.status !== 'open') throw new Error('expected open');
    const copy = await makeOpenCopy(root, source, plan.fileName);
    const second = await makeOpenCopy(root, source, plan.fileName);
    expect(copy).not.toBe(second);
    expect(readFileSync(copy)).toEqual(pdf());
    expect(copy.endsWith('Tờ trình.pdf')).toBe(true);
    expect(await sweepOpenCopies(root)).toEqual({ removed: 2, kept: 0 });
    expect(existsSync(copy)).toBe(false);
    expect(readdirSync(root)).toEqual([]);
    expect(await sweepOpenCopies(join(tmp, 'never-made'))).toEqual({ removed: 0, kept: 0 });

    // A stored file damaged on the disk: refused, and no half copy is left for a program to open.
    const damaged = await encryptBytes(key, Buffer.concat([pdf(), Buffer.alloc(200_000, 7)]));
    damaged[damaged.length - 40]! ^= 1;
    writeFileSync(file, damaged);
    await expect(makeOpenCopy(root, source, 'Hỏng.pdf')).rejects.toMatchObject({ code: 'FILE_INVALID' });
    expect(readdirSync(root).flatMap((d) => readdirSync(join(root, d)))).toEqual([]);
  });
});
