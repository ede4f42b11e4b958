import { createHash, randomBytes, randomUUID, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { organCode } from '../shared/contract/directory.ts';
import { HEADER } from '../shared/sync/wire.ts';
import type { Pool } from './db/pool.ts';
import { HubProblem, problem } from './problem.ts';

/** Who is calling: the client (one per unit), and the laptop it speaks from. */
export interface Caller {
  clientId: string;
  unitCode: string;
  unitName: string | null;
  installationId: string;
}

const SCRYPT: ScryptOptions & { N: number; r: number; p: number } = { N: 16_384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LENGTH = 32;

function scryptKey(secret: string, salt: Buffer, o: { N: number; r: number; p: number }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(secret, salt, KEY_LENGTH, { ...SCRYPT, ...o }, (e, key) => (e ? reject(e) : resolve(key)));
  });
}

/** `scrypt$N$r$p$salt$key`, so the cost can grow later without breaking the secrets already given. */
async function hashSecret(secret: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptKey(secret, salt, SCRYPT);
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

async function secretMatches(secret: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await scryptKey(secret, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** An unknown client costs as much time as a wrong secret, so client ids cannot be probed. */
const DECOY = hashSecret(randomBytes(32).toString('base64url'));

const sha256 = (text: string) => createHash('sha256').update(text).digest();

export async function createClient(pool: Pool, opts: { unitCode: string; unitName?: string | null }): Promise<{ clientId: string; secret: string; unitCode: string }> {
  const unit = organCode.safeParse(opts.unitCode);
  if (!unit.success) throw new Error(`Mã đơn vị không hợp lệ / invalid unit code: ${unit.error.issues[0]?.message ?? opts.unitCode}`);
  const clientId = randomUUID();
  const secret = randomBytes(32).toString('base64url');
  await pool.query('INSERT INTO clients (id, secret_hash, unit_code, unit_name) VALUES ($1, $2, $3, $4)', [
    clientId,
    await hashSecret(secret),
    unit.data,
    opts.unitName?.trim() || null,
  ]);
  return { clientId, secret, unitCode: unit.data };
}

const tokenRequest = z.object({
  grant_type: z.string(),
  client_id: z.string().min(1).max(200),
  client_secret: z.string().min(1).max(200),
});

/** OAuth's own error word rides along in the problem, for gateway and library clients that read it. */
function oauthProblem(status: number, error: string, detail: string): HubProblem {
  return new HubProblem({ ...problem(status, error, detail), error });
}

/** `POST /oauth/token`: the client-credentials grant, as an LGSP gateway does it. */
export function tokenRoutes(pool: Pool, tokenTtlSeconds: number) {
  return async (app: FastifyInstance) => {
    app.post('/oauth/token', async (request, reply) => {
      const body = tokenRequest.safeParse(request.body);
      if (!body.success) throw oauthProblem(400, 'invalid_request', 'Thiếu grant_type, client_id hoặc client_secret / grant_type, client_id and client_secret are required');
      if (body.data.grant_type !== 'client_credentials') throw oauthProblem(400, 'unsupported_grant_type', 'Chỉ hỗ trợ client_credentials / only client_credentials is supported');
      const client = (
        await pool.query<{ id: string; secret_hash: string }>('SELECT id, secret_hash FROM clients WHERE id = $1 AND NOT disabled', [body.data.client_id])
      ).rows[0];
      const matches = await secretMatches(body.data.client_secret, client?.secret_hash ?? (await DECOY));
      if (!client || !matches) throw oauthProblem(401, 'invalid_client', 'Sai mã máy khách hoặc khóa bí mật / unknown client or wrong secret');
      const token = randomBytes(32).toString('base64url');
      await pool.query("DELETE FROM tokens WHERE client_id = $1 AND expires_at < now() - interval '1 day'", [client.id]);
      await pool.query("INSERT INTO tokens (hash, client_id, expires_at) VALUES ($1, $2, now() + make_interval(secs => $3))", [sha256(token), client.id, tokenTtlSeconds]);
      void reply.header('Cache-Control', 'no-store');
      return { access_token: token, token_type: 'Bearer', expires_in: tokenTtlSeconds };
    });
  };
}

const callers = new WeakMap<FastifyRequest, Caller>();

export function callerOf(request: FastifyRequest): Caller {
  const caller = callers.get(request);
  if (!caller) throw new Error('the route is outside the authenticated /v1 scope');
  return caller;
}

const installationId = z.uuid();

/**
 * The `onRequest` hook of every `/v1` route: a live bearer token, then the laptop's installation id,
 * bound to the token's client the first time it is seen.
 */
export function authenticate(pool: Pool) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const bearer = /^Bearer +([A-Za-z0-9._~+/-]+=*) *$/i.exec(request.headers.authorization ?? '');
    if (!bearer) {
      // RFC 6750 §3.1: no error code when the request carried no credentials at all.
      throw new HubProblem(problem(401, 'unauthorized', 'Cần mã truy cập (Bearer) / a bearer token is required'), { 'WWW-Authenticate': 'Bearer' });
    }
    const client = (
      await pool.query<{ id: string; unit_code: string; unit_name: string | null }>(
        'SELECT c.id, c.unit_code, c.unit_name FROM tokens t JOIN clients c ON c.id = t.client_id WHERE t.hash = $1 AND t.expires_at > now() AND NOT c.disabled',
        [sha256(bearer[1]!)],
      )
    ).rows[0];
    if (!client) {
      throw new HubProblem(problem(401, 'invalid_token', 'Mã truy cập không hợp lệ hoặc đã hết hạn / the token is unknown or expired'), {
        'WWW-Authenticate': 'Bearer error="invalid_token"',
      });
    }
    const installation = installationId.safeParse(request.headers[HEADER.installation]);
    if (!installation.success) {
      throw new HubProblem(
        problem(422, 'invalid', 'Thiếu hoặc sai mã cài đặt X-Installation-Id / X-Installation-Id must be a UUID', {
          errors: [{ path: 'X-Installation-Id', message: installation.error.issues[0]?.message ?? 'invalid' }],
        }),
      );
    }
    const bound = await pool.query(
      `INSERT INTO installations (id, client_id) VALUES ($1, $2)
       ON CONFLICT (id) DO UPDATE SET last_seen = now() WHERE installations.client_id = excluded.client_id
       RETURNING id`,
      [installation.data, client.id],
    );
    if (bound.rowCount === 0) {
      throw new HubProblem(problem(403, 'installation_taken', 'Máy này đã gắn với đơn vị khác / this installation belongs to another client'));
    }
    const caller = { clientId: client.id, unitCode: client.unit_code, unitName: client.unit_name, installationId: installation.data.toLowerCase() };
    callers.set(request, caller);
    // Both: the request's own lines and the "request completed" line name who asked.
    request.log = reply.log = request.log.child({ clientId: caller.clientId, unit: caller.unitCode, installationId: caller.installationId });
  };
}
