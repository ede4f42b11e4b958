import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { MAX_UPLOAD_BYTES, type ErrorPayload, type FileTarget, type OpenFileResult, type UploadResult } from '../../shared/contract/index.ts';
import { stripDiacritics } from '../../shared/text-fold.ts';
import type { DataPaths } from '../core/context.ts';
import { CoreError } from '../core/errors.ts';
import type { BlobAccess } from '../core/files/blob-file.ts';
import { resolveFileTarget, type FoundFile } from '../core/files/file-target.ts';
import { handOverRequest, type HandOverGate } from '../core/files/hand-over-gate.ts';
import { planOpen, readForSniffing, type OpenPlan } from '../core/files/open-policy.ts';
import { safeFileName } from '../core/files/safe-file-name.ts';
import { stageUpload } from '../core/files/staging.ts';

/** RFC 6266 / 5987: an ASCII fallback plus the exact UTF-8 name, so Vietnamese names survive. */
export function contentDisposition(kind: 'attachment' | 'inline', fileName: string): string {
  const ascii = stripDiacritics(fileName).replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

function problem(res: ServerResponse, status: number, error: ErrorPayload): void {
  json(res, status, { ok: false, error });
}

const notFound: ErrorPayload = {
  code: 'NOT_FOUND',
  message: { vi: 'Không tìm thấy tệp.', en: 'File not found.' },
};

/**
 * POST /files/upload (body = the file; X-File-Name = its URI-encoded name): streams into staging and
 * answers { ok, result: UploadResult }. The caller has already checked Host, Origin and the token.
 */
export async function handleUpload(req: IncomingMessage, res: ServerResponse, paths: DataPaths): Promise<void> {
  let fileName: string;
  try {
    fileName = safeFileName(decodeURIComponent(String(req.headers['x-file-name'] ?? '')), '');
  } catch {
    fileName = '';
  }
  if (!fileName) {
    return problem(res, 400, {
      code: 'INVALID_INPUT',
      message: { vi: 'Thiếu tên tệp tải lên.', en: 'The upload has no file name.' },
    });
  }
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > MAX_UPLOAD_BYTES) {
    req.resume();
    return problem(res, 413, { code: 'FILE_INVALID', message: { vi: 'Tệp quá lớn.', en: 'The file is too large.' } });
  }
  try {
    const staged = await stageUpload(paths, req, MAX_UPLOAD_BYTES);
    json(res, 200, { ok: true, result: { uploadId: staged.uploadId, fileName, bytes: staged.bytes } satisfies UploadResult });
  } catch (e) {
    if (e instanceof CoreError) return problem(res, 413, e.payload);
    problem(res, 500, { code: 'IO_ERROR', message: { vi: 'Không lưu được tệp tải lên.', en: 'The upload could not be stored.' } });
  }
}

const GATE_STATUS: Partial<Record<string, number>> = { CLASSIFIED: 403, NOT_FOUND: 404 };

/** Types a browser shows itself without running anything: everything else is downloaded, never shown. */
const SHOWN_INLINE = /^(application\/pdf|image\/(png|jpeg|gif|webp|bmp)|text\/plain(;.*)?)$/;

/**
 * GET /files/export/<exportId>/<name> and /files/blob/<sha256>/<name>: a file the core made, or a
 * stored document. `read=1` is the app's own reader (the bytes stay in the page). `?inline=1` is "open"
 * and follows the same rules as the desktop app (core/files/open-policy.ts): programs and scripts are
 * refused (403), the stored bytes choose the type and the name's extension, only PDFs, images and plain
 * text are shown in the tab (the rest is an attachment), and a file that is not a plain document needs
 * `confirmed=1`. Otherwise the file is a download ("save a copy"). Opening or saving a stored
 * document asks the core first (`gate`): classified content needs `release=<reason>`, which the audit
 * log keeps. `check=1` only answers (the OpenFileResult for an open, null for a save), so the page can
 * ask the user before a tab or a download it cannot take back; nothing is recorded then.
 */
export async function handleDownload(
  req: IncomingMessage,
  res: ServerResponse,
  paths: DataPaths,
  blobs: BlobAccess | null,
  url: URL,
  gate: HandOverGate,
): Promise<void> {
  const [, , kind, key, rawName] = url.pathname.split('/');
  let name: string;
  try {
    name = decodeURIComponent(rawName ?? '');
  } catch {
    name = '';
  }
  const reason = url.searchParams.get('release');
  const target: Partial<FileTarget> =
    kind === 'export'
      ? { kind: 'export', exportId: key, fileName: name }
      : { kind: 'blob', sha256: key, fileName: name, ...(reason !== null ? { releaseClassified: { reason } } : {}) };
  let found: FoundFile | null;
  try {
    found = resolveFileTarget(paths, blobs, target);
  } catch (e) {
    if (e instanceof CoreError) return problem(res, 403, e.payload);
    throw e;
  }
  if (!found) return problem(res, 404, notFound);
  const open = url.searchParams.get('inline') === '1';
  const check = url.searchParams.get('check') === '1';
  let plan: OpenPlan | null = null;
  if (open) {
    try {
      plan = planOpen(await readForSniffing(found), found.fileName, url.searchParams.get('confirmed') === '1');
    } catch (e) {
      if (e instanceof CoreError) return problem(res, 403, e.payload);
      throw e;
    }
  }
  // Asked once the file would really go (after the open rules), so the audit log records no open that did not happen.
  const question = url.searchParams.get('read') === '1' || plan?.status === 'needs-confirmation' ? null : handOverRequest(target, open ? 'open' : 'save', check);
  const answer = question ? await gate(question) : null;
  if (answer && !answer.ok) return problem(res, GATE_STATUS[answer.error.code] ?? 400, answer.error);
  if (check) {
    const result: OpenFileResult | null = plan === null ? null : plan.status === 'open' ? { status: 'opened', fileName: plan.fileName } : plan;
    return json(res, 200, { ok: true, result });
  }
  let headers: Record<string, string>;
  if (plan) {
    if (plan.status === 'needs-confirmation') return problem(res, 409, { code: 'INVALID_STATE', message: plan.what });
    const shown = plan.document && SHOWN_INLINE.test(plan.mime);
    headers = {
      'Content-Type': shown ? plan.mime : 'application/octet-stream',
      'Content-Disposition': contentDisposition(shown ? 'inline' : 'attachment', plan.fileName),
    };
  } else {
    headers = { 'Content-Type': 'application/octet-stream', 'Content-Disposition': contentDisposition('attachment', found.fileName) };
  }
  const stored = await found.open();
  const size = stored.size;
  res.writeHead(200, {
    ...headers,
    'Content-Length': String(size),
    // The browser must take the declared type, never guess one (a guessed text/html would run).
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  });
  if (req.method === 'HEAD') {
    await stored.close();
    res.end();
    return;
  }
  await pipeline(stored.stream(), res);
}
