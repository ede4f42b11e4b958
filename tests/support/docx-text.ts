import yauzl from 'yauzl';

/** One entry of a zip file (a DOCX, an XLSX, a pack) as UTF-8 text. */
export async function zipEntry(file: string, name: string): Promise<string> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true });
  try {
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName !== name) continue;
      const chunks: Buffer[] = [];
      for await (const c of await zip.openReadStreamPromise(entry)) chunks.push(c as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    }
  } finally {
    zip.close();
  }
  throw new Error(`${name} not in ${file}`);
}

/** The readable text of a Word body, one string per paragraph (<w:p>). */
export function wordText(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
}

/** The paragraphs of a DOCX file. */
export async function docxParagraphs(file: string): Promise<string[]> {
  return wordText(await zipEntry(file, 'word/document.xml'));
}
