import Fastify, { type FastifyError, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { CONTRACT_VERSION } from '../shared/sync/openapi.ts';
import { authenticate, callerOf, tokenRoutes } from './auth.ts';
import { changesRoutes } from './changes.ts';
import type { Pool } from './db/pool.ts';
import { publicationRoutes } from './publications.ts';
import { fileRoutes } from './files.ts';
import { HubProblem, problem, sendProblem } from './problem.ts';
import { writeRoutes } from './write-routes.ts';

const MAX_JSON_BYTES = 8 * 1024 * 1024;
const RETRY_AFTER_SECONDS = '5';

export interface HubAppOptions {
  pool: Pool;
  tokenTtlSeconds: number;
  /** false: silent; true: pino at info on stdout; an object: pino options (level, stream…). */
  logger: boolean | Record<string, unknown>;
}

/** Whatever a caller passes, request logs never carry credentials. */
const REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'client_secret',
  'access_token',
  'secret',
  'token',
  '*.client_secret',
  '*.access_token',
  '*.secret',
  '*.token',
];

function loggerOptions(logger: HubAppOptions['logger']): FastifyServerOptions['logger'] {
  if (logger === false) return false;
  return {
    level: 'info',
    ...(logger === true ? {} : logger),
    redact: { paths: REDACT, censor: '[redacted]' },
    serializers: {
      // Method and path only: no headers, so no Authorization, whatever a later Fastify logs by default.
      req: (req: { method: string; url: string; ip?: string }) => ({ method: req.method, url: req.url, remoteAddress: req.ip }),
    },
  };
}

/** Database errors a laptop should meet with "try again shortly": unreachable, restarting, or a transient conflict. */
const UNAVAILABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EPIPE', '57P01', '57P02', '57P03', '53300', '08000', '08001', '08003', '08006', '3D000', '40001', '40P01']);
const unavailable = (e: Error & { code?: string }) => (e.code !== undefined && UNAVAILABLE.has(e.code)) || /timeout exceeded when trying to connect|Connection terminated/i.test(e.message);

function statusProblem(e: FastifyError) {
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return problem(413, 'too_large', 'Dữ liệu gửi lên vượt giới hạn / the body is larger than the hub accepts');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return problem(415, 'unsupported_media_type', 'Kiểu dữ liệu không được hỗ trợ / unsupported content type');
    default:
      return problem(e.statusCode ?? 400, 'bad_request', 'Yêu cầu không đọc được (JSON sai cú pháp?) / the request could not be read (malformed JSON?)');
  }
}

/**
 * The hub's Fastify app, every route inside a plugin so an `onRoute` hook added before `ready()`
 * sees them all. The pool stays the caller's to end.
 */
export function buildHubApp(o: HubAppOptions): FastifyInstance {
  const app = Fastify({
    logger: loggerOptions(o.logger),
    bodyLimit: MAX_JSON_BYTES,
    // Only the documented routes exist: no implicit HEAD twins.
    exposeHeadRoutes: false,
    // Fastify's own 503 while closing is not problem+json: the onRequest hook below answers instead.
    return503OnClosing: false,
  });

  // A closing hub answers what it already took, each on a connection it then closes: a kept-alive
  // connection would otherwise hold close() open until the client's keep-alive timer ran out.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onRequest', async () => {
    if (closing) {
      throw new HubProblem(problem(503, 'closing', 'Máy chủ đang dừng, thử lại sau ít phút / the hub is shutting down: try again shortly'), { 'Retry-After': RETRY_AFTER_SECONDS });
    }
  });
  app.addHook('onSend', async (_request, reply) => {
    if (closing) void reply.header('Connection', 'close');
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof HubProblem) return sendProblem(reply, error.problem, error.headers);
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) return sendProblem(reply, statusProblem(error));
    if (unavailable(error)) {
      request.log.warn({ err: error }, 'database unavailable');
      return sendProblem(reply, problem(503, 'unavailable', 'Cơ sở dữ liệu của máy chủ tạm thời không truy cập được / the database is unavailable'), {
        'Retry-After': RETRY_AFTER_SECONDS,
      });
    }
    request.log.error({ err: error }, 'request failed');
    return sendProblem(reply, problem(500, 'internal', 'Lỗi không mong muốn ở máy chủ liên thông / unexpected hub error'));
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, problem(404, 'not_found', `Không có đường dẫn ${request.method} ${request.url.split('?')[0]} / no such route`)),
  );
  // OAuth clients send the token request as a form.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });

  app.register(async (scope) => {
    scope.get('/health', async (request, reply) => {
      try {
        await o.pool.query('SELECT 1');
        return { status: 'ok', database: 'ok', version: CONTRACT_VERSION };
      } catch (e) {
        request.log.warn({ err: e }, 'health: database unreachable');
        return reply.code(503).header('Retry-After', RETRY_AFTER_SECONDS).send({ status: 'degraded', database: 'unreachable', version: CONTRACT_VERSION });
      }
    });
  });
  app.register(tokenRoutes(o.pool, o.tokenTtlSeconds));
  app.register(
    async (v1) => {
      v1.addHook('onRequest', authenticate(o.pool));
      v1.get('/me', async (request) => callerOf(request));
      await v1.register(writeRoutes(o.pool));
      await v1.register(changesRoutes(o.pool));
      await v1.register(fileRoutes(o.pool));
      await v1.register(publicationRoutes(o.pool));
    },
    { prefix: '/v1' },
  );
  return app;
}
