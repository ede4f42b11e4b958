import { open } from 'node:fs/promises';
import type { annotationsMethods } from '../../../../shared/contract/index.ts';
import type { ServiceContext } from '../../context.ts';
import type { DomainHandlers } from '../../dispatch.ts';
import { CoreError } from '../../errors.ts';
import { createClassifiedRelease } from '../../services/classified-release.ts';
import type { DirectoryDomain } from '../directory/index.ts';
import type { DocumentsDomain } from '../documents/index.ts';
import type { Domain } from '../domain.ts';
import { createAnnotationStore } from './annotation-store.ts';
import { createFileExchange } from './file-exchange.ts';
import { createReadingPositions } from './reading-positions.ts';
import { createSharedNotes } from './shared-notes.ts';
import { createVersionCarry } from './version-carry.ts';

/** XFDF is XML; a shared-notes file is a zip. The first bytes tell which one the CLI was given. */
async function looksLikeXml(file: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (e) {
    throw new CoreError('IO_ERROR', { vi: `Không mở được tệp "${file}".`, en: `Cannot open "${file}".` }, undefined, { cause: e });
  }
  try {
    const head = Buffer.alloc(64);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return /^(\uFEFF)?\s*</.test(head.subarray(0, bytesRead).toString('utf8'));
  } finally {
    await handle.close();
  }
}

/**
 * Members' annotations on documents, reading positions, their exchange as PDF / XFDF / signed
 * shared-notes files, and carrying them to a document's newer version.
 */
export function createAnnotationsDomain(ctx: ServiceContext, deps: { documents: DocumentsDomain; directory: DirectoryDomain }) {
  const store = createAnnotationStore(ctx);
  const all = { ...deps, store };
  const positions = createReadingPositions(ctx);
  const files = createFileExchange(ctx, all);
  const shared = createSharedNotes(ctx, all);
  const carry = createVersionCarry(ctx, all);
  const release = createClassifiedRelease(ctx);
  /** Every way a document's notes (and, for PDFs, its pages) leave as a file passes here first. */
  const released = (method: string, input: { documentId: string; releaseClassified?: { reason: string } }) =>
    release.authorize(deps.documents.detail(input.documentId), method, input.releaseClassified);

  const handlers: DomainHandlers<typeof annotationsMethods> = {
    'annotations.list': (input) => store.list(input),
    'annotations.create': (input) => store.create(input),
    'annotations.update': (input) => store.update(input),
    'annotations.delete': (input) => store.delete(input),
    'annotations.restore': (input) => store.restore(input),
    'annotations.exportPdf': (input) => {
      released('annotations.exportPdf', input);
      return files.exportPdf(input);
    },
    'annotations.exportXfdf': (input) => {
      released('annotations.exportXfdf', input);
      return files.exportXfdf(input);
    },
    'annotations.importXfdf': (input) => files.importXfdf(input),
    'annotations.exportNotes': (input) => {
      released('annotations.exportNotes', input);
      return files.exportNotes(input);
    },
    'annotations.exportShared': (input) => {
      released('annotations.exportShared', input);
      return shared.exportShared(input);
    },
    'annotations.inspectShared': (input) => shared.inspectShared(input),
    'annotations.importShared': (input) => shared.importShared(input),
    'annotations.exportFile': (input) => {
      released('annotations.exportFile', input);
      return files.exportFile(input);
    },
    'annotations.importFile': async ({ file, documentId, trustSigner, personId }) =>
      (await looksLikeXml(file)) ? files.importXfdfFile(file, documentId) : shared.importSharedFile(file, trustSigner ?? false, personId),
    'reader.getPosition': (input) => positions.get(input),
    'reader.savePosition': (input) => positions.save(input),
  };

  const domain = {
    handlers,
    start: () => carry.start(),
    close: () => carry.close(),
    store,
    carry,
  };
  return domain satisfies Domain;
}

export type AnnotationsDomain = ReturnType<typeof createAnnotationsDomain>;
