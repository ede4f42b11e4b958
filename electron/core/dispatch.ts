import {
  isMethodName,
  methods,
  requestEnvelope,
  type Access,
  type MethodName,
  type MethodOutputs,
  type RequestId,
  type ResponseEnvelope,
} from '../../shared/contract/index.ts';
import { CoreError } from './errors.ts';
import type { Logger } from './logger.ts';
import { validate } from './validate.ts';

/** One function per method; each receives input already validated by the method's schema. */
export type Handlers = {
  [M in MethodName]: (input: never) => MethodOutputs[M] | Promise<MethodOutputs[M]>;
};

/** The handlers of one domain's methods (e.g. `DomainHandlers<typeof meetingsMethods>`). */
export type DomainHandlers<Specs> = Pick<Handlers, keyof Specs & MethodName>;

function idOf(request: unknown): RequestId {
  const id = (request as { id?: unknown } | null)?.id;
  return typeof id === 'string' || (typeof id === 'number' && Number.isInteger(id) && id >= 0) ? id : 0;
}

function failure(id: RequestId, error: CoreError): ResponseEnvelope {
  return { type: 'response', id, ok: false, error: error.payload };
}

function toCoreError(err: unknown, method: string, log: Logger): CoreError {
  if (err instanceof CoreError) return err;
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new CoreError('DB_BUSY', {
      vi: 'Cơ sở dữ liệu đang bận. Vui lòng thử lại sau giây lát.',
      en: 'The database is busy. Please try again in a moment.',
    });
  }
  log.error({ err, method }, 'handler failed');
  return new CoreError('INTERNAL', {
    vi: 'Đã xảy ra lỗi không mong muốn. Chi tiết đã được ghi vào nhật ký.',
    en: 'An unexpected error occurred. Details were written to the log.',
  });
}

/**
 * The single entry point every host uses. It never throws: every outcome, including a malformed
 * envelope, comes back as a response envelope, so hosts need no error handling of their own.
 */
export function createDispatcher(deps: { handlers: Handlers; log: Logger; isClosed: () => boolean; isLocked: () => boolean }) {
  return async function dispatch(request: unknown, access: Access): Promise<ResponseEnvelope> {
    const id = idOf(request);
    const envelope = validate(requestEnvelope, request);
    if (!envelope.ok) return failure(id, envelope.error);
    const { method, input } = envelope.data;
    if (!isMethodName(method)) {
      return failure(
        id,
        new CoreError('UNKNOWN_METHOD', { vi: `Không có chức năng "${method}".`, en: `Unknown method "${method}".` }),
      );
    }
    const spec = methods[method];
    if (spec.access === 'local' && access !== 'local') {
      return failure(
        id,
        new CoreError('FORBIDDEN', {
          vi: `Chức năng "${method}" chỉ dùng được từ dòng lệnh trên máy này.`,
          en: `"${method}" can only be used from the command line on this machine.`,
        }),
      );
    }
    // The app lock guards the window, not the command line: the CLI runs as the laptop's own account.
    if (access === 'ui' && !('whileLocked' in spec) && deps.isLocked()) {
      return failure(
        id,
        new CoreError('LOCKED', {
          vi: 'Ứng dụng đang khóa. Hãy nhập mật khẩu để mở khóa.',
          en: 'The app is locked. Enter the passphrase to unlock it.',
        }),
      );
    }
    if (deps.isClosed()) {
      return failure(id, new CoreError('CORE_CLOSED', { vi: 'Lõi ứng dụng đã đóng.', en: 'The core is closed.' }));
    }
    const parsed = validate(spec.input, input === undefined ? {} : input);
    if (!parsed.ok) return failure(id, parsed.error);
    try {
      const handler = deps.handlers[method] as (input: unknown) => unknown;
      const result = await handler(parsed.data);
      return { type: 'response', id, ok: true, result };
    } catch (err) {
      return failure(id, toCoreError(err, method, deps.log));
    }
  };
}

export type Dispatch = ReturnType<typeof createDispatcher>;
