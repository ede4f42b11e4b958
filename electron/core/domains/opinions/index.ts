import { rmSync } from 'node:fs';
import { basename } from 'node:path';
import type { OpinionImportResult, OpinionsInput, opinionsMethods } from '../../../../shared/contract/index.ts';
import type { ServiceContext } from '../../context.ts';
import type { DomainHandlers } from '../../dispatch.ts';
import { CoreError } from '../../errors.ts';
import { blobKeyOf, type BlobAccess } from '../../files/blob-file.ts';
import { writeExport } from '../../files/exports.ts';
import { fileSlug } from '../../files/file-slug.ts';
import { releaseUpload, stagedFile } from '../../files/staging.ts';
import { writeUserFile } from '../../files/user-file.ts';
import type * as DocxWriter from '../../official-docs/official-docx.ts';
import { holderText } from '../directory/index.ts';
import { copyToTemp } from '../documents/blob-store.ts';
import type { Domain } from '../domain.ts';
import { answersFileName, createAnswers } from './answers.ts';
import { createRequestCreator } from './create-request.ts';
import type { OpinionDeps } from './deps.ts';
import { OPINION_MIME, REQUEST_FORMAT, type AnswersManifest, type OpinionManifest, type RequestManifest } from './format.ts';
import { createOpinionStore } from './opinion-store.ts';
import { readOpinionFile, type OpenedOpinionFile } from './read-opinion-file.ts';
import { createRequestFile, requestFileName, requestUntrusted } from './request-file.ts';
import { createSummary } from './summary.ts';
import { summaryDocument } from './summary-document.ts';
import { writeAtPath } from './write-opinion-file.ts';

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

interface TrustOptions {
  trustSigner?: boolean | undefined;
  personId?: string | undefined;
}

const isRequest = (m: OpinionManifest): m is RequestManifest => m.format === REQUEST_FORMAT;

/**
 * Lấy ý kiến bằng văn bản (issue 15): requests made by the secretariat and sent as signed files,
 * answered on members' laptops and sent back signed, imported, reminded and summarised as a DOCX.
 */
export function createOpinionsDomain(ctx: ServiceContext, deps: OpinionDeps) {
  const store = createOpinionStore(ctx);
  const create = createRequestCreator(ctx, store);
  const requestFile = createRequestFile(ctx, deps, store);
  const answers = createAnswers(ctx, deps, store);
  const summaries = createSummary(ctx, store);
  const access = (): BlobAccess => ({ paths: ctx.paths, key: blobKeyOf(ctx.databaseKey) });
  let docxWriter: Promise<typeof DocxWriter> | undefined;

  const changed = <T>(result: T, area: 'opinions' | 'documents' = 'opinions'): T => {
    ctx.events.emit('data.changed', { area });
    return result;
  };

  const open = (file: string, fileName: string) =>
    readOpinionFile(file, fileName, (m) => (isRequest(m) ? requestFile.check(m, fileName) : answers.check(m, fileName)), (bytes) => copyToTemp(ctx, bytes));

  /** Trusts the key of a file whose signer is not trusted yet, as the CLI's --trust-signer asks. */
  function trustSignerOf(manifest: OpinionManifest, personId: string | undefined): void {
    const label = holderText(manifest.signer);
    if (isRequest(manifest)) {
      deps.directory.trustedKeys.trust({ publicKey: manifest.signer.publicKey, label, scope: { purpose: 'pack', committeeId: manifest.committee.id, committeeName: manifest.committee.name } });
      return;
    }
    if (!personId) {
      throw new CoreError('INVALID_INPUT', {
        vi: 'Cần chọn người trong danh mục mà khóa này là của họ (--person MÃ_NGƯỜI).',
        en: 'Name the directory person this key belongs to (--person PERSON_ID).',
      });
    }
    deps.directory.trustedKeys.trust({ publicKey: manifest.signer.publicKey, label, scope: { purpose: 'notes', personId } });
  }

  async function importFrom(file: string, fileName: string, options: TrustOptions): Promise<OpinionImportResult> {
    let opened: OpenedOpinionFile = await open(file, fileName);
    if (!opened.request && !opened.answers) {
      if (!options.trustSigner) throw isRequest(opened.manifest) ? requestUntrusted(opened.manifest) : answers.untrusted(opened.manifest);
      trustSignerOf(opened.manifest, options.personId);
      opened = await open(file, fileName);
    }
    try {
      const { manifest } = opened;
      if (isRequest(manifest)) {
        const result = requestFile.apply({ ...opened, manifest }, fileName);
        ctx.events.emit('data.changed', { area: 'documents' });
        return changed(result);
      }
      return changed(answers.apply({ ...opened, manifest: manifest as AnswersManifest }, fileName));
    } finally {
      // Placed files were renamed into the store; what is left is the copy of a refused file.
      for (const blob of opened.documents.values()) rmSync(blob.tmp, { force: true });
    }
  }

  async function summaryDocx(requestId: string): Promise<{ bytes: Buffer; title: string }> {
    const summary = summaries.summary(requestId);
    const { officialDocumentDocx } = await (docxWriter ??= import('../../official-docs/official-docx.ts'));
    const bytes = await officialDocumentDocx(summaryDocument({ summary, issuedAt: ctx.now(), place: ctx.setting('documents.issuingPlace') }));
    ctx.db.transaction(() =>
      ctx.audit.record({
        action: 'opinions.exportSummary',
        entity: 'opinion_request',
        entityId: requestId,
        detail: { answered: summary.answered.length, notAnswered: summary.notAnswered.length, bytes: bytes.length },
      }),
    )();
    return { bytes, title: summary.request.title };
  }

  const handlers: DomainHandlers<typeof opinionsMethods> = {
    'opinions.create': (input) => changed(create(input)),
    'opinions.list': ({ committeeId }) => store.list(committeeId),
    'opinions.get': ({ requestId }) => store.detail(requestId),
    'opinions.export': async ({ requestId }) => {
      let fingerprint = '';
      const file = await writeExport(ctx.paths, requestFileName(store.local(requestId).title), OPINION_MIME, async (target) => {
        fingerprint = await requestFile.write(requestId, target, access());
      });
      return { requestId, fingerprint, file };
    },
    'opinions.exportFile': async ({ requestId, file, overwrite }) => {
      let fingerprint = '';
      const bytes = await writeAtPath(file, overwrite, async (tmp) => {
        fingerprint = await requestFile.write(requestId, tmp, access());
      });
      return { requestId, fingerprint, file, bytes };
    },
    'opinions.answer': (input) => changed(answers.answer(input)),
    'opinions.exportAnswers': async ({ requestId }) => {
      let fingerprint = '';
      const file = await writeExport(ctx.paths, answersFileName(store.received(requestId).title), OPINION_MIME, async (target) => {
        fingerprint = await answers.write(requestId, target, access());
      });
      return changed({ requestId, fingerprint, file });
    },
    'opinions.exportAnswersFile': async ({ requestId, file, overwrite }) => {
      let fingerprint = '';
      const bytes = await writeAtPath(file, overwrite, async (tmp) => {
        fingerprint = await answers.write(requestId, tmp, access());
      });
      return changed({ requestId, fingerprint, file, bytes });
    },
    'opinions.import': async ({ upload }: OpinionsInput<'opinions.import'>) => {
      const result = await importFrom(stagedFile(ctx.paths, upload), upload.fileName, {});
      releaseUpload(ctx.paths, upload);
      return result;
    },
    'opinions.importFile': ({ file, trustSigner, personId }) => importFrom(file, basename(file), { trustSigner, personId }),
    'opinions.remind': ({ requestId }) => changed(summaries.remind(requestId)),
    'opinions.summary': ({ requestId }) => summaries.summary(requestId),
    'opinions.exportSummary': async ({ requestId }) => {
      const { bytes, title } = await summaryDocx(requestId);
      return writeExport(ctx.paths, `tong-hop-y-kien-${fileSlug(title)}.docx`, DOCX_MIME, bytes);
    },
    'opinions.exportSummaryFile': async ({ requestId, file, overwrite }) => {
      store.local(requestId);
      const { bytes } = await summaryDocx(requestId);
      return { requestId, file, bytes: writeUserFile(file, overwrite, bytes) };
    },
  };

  return { handlers } satisfies Domain;
}

export type OpinionsDomain = ReturnType<typeof createOpinionsDomain>;
