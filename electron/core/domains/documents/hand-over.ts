import type { DocumentsInput } from '../../../../shared/contract/index.ts';
import type { ServiceContext } from '../../context.ts';
import { createClassifiedRelease } from '../../services/classified-release.ts';
import { documentNotFound, type DocumentReader } from './document-rows.ts';

/**
 * The core's say before a host copies a stored file out of the data folder ("save a copy") or hands
 * it to the system's program ("open with"): both put the bytes where the app no longer controls them,
 * so classified content goes through the same audited release as an export. Reading the file inside
 * the app (the reader) does not come here.
 */
export function createHandOver(ctx: ServiceContext, reader: DocumentReader) {
  const release = createClassifiedRelease(ctx);
  return ({ sha256, channel, releaseClassified, check }: DocumentsInput<'documents.handOver'>) => {
    const row = reader.strictestBySha(sha256);
    if (!row) throw documentNotFound();
    const item = { id: row.id, fileName: row.file_name, classification: row.classification };
    if (check) release.check(item, `file.${channel}`, releaseClassified);
    else release.authorize(item, `file.${channel}`, releaseClassified);
    return { classification: row.classification, released: releaseClassified !== undefined && row.classification !== 'normal' };
  };
}
