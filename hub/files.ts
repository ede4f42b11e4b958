import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { callerOf } from './auth.ts';
import { visibleTo } from './changes.ts';
import { publicationVisibleTo } from './publications.ts';
import type { Pool } from './db/pool.ts';
import { HubProblem, problem } from './problem.ts';

const MAX_FILE_BYTES = 100 * 1024 * 1024;
const SHA256 = /^[0-9a-f]{64}$/;

const notHeld = () => new HubProblem(problem(404, 'not_found', 'Không có tệp này hoặc đơn vị không được xem / no such file visible to this unit'));

/**
 * `PUT` and `GET /v1/files/{sha256}`: result and evidence documents, packs and notices, stored once
 * by content. A unit reads a file it uploaded, or one that an event of an assignment it can see, or a
 * publication addressed to it, refers to.
 */
export function fileRoutes(pool: Pool) {
  return async (app: FastifyInstance) => {
    // Scoped to this plugin: only these routes take raw bytes, and up to 100 MB of them.
    app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: MAX_FILE_BYTES }, (_request, body, done) => done(null, body));

    app.put('/files/:sha256', { bodyLimit: MAX_FILE_BYTES }, async (request, reply) => {
      const { sha256 } = request.params as { sha256: string };
      const bytes = request.body;
      if (!SHA256.test(sha256)) {
        throw new HubProblem(problem(422, 'invalid', 'Tên tệp phải là SHA-256 chữ thường / the name must be a lowercase SHA-256', { errors: [{ path: '/path/sha256', message: 'expected 64 lowercase hex digits' }] }));
      }
      if (!Buffer.isBuffer(bytes)) {
        throw new HubProblem(problem(415, 'unsupported_media_type', 'Gửi tệp dạng application/octet-stream / send the bytes as application/octet-stream'));
      }
      if (createHash('sha256').update(bytes).digest('hex') !== sha256) {
        throw new HubProblem(problem(422, 'hash_mismatch', 'Nội dung tệp không khớp mã SHA-256 / the bytes do not hash to the name', { errors: [{ path: '/path/sha256', message: 'does not match the body' }] }));
      }
      const stored = await pool.query('INSERT INTO files (sha256, size, content, uploaded_by) VALUES ($1, $2, $3, $4) ON CONFLICT (sha256) DO NOTHING', [
        sha256,
        bytes.length,
        bytes,
        callerOf(request).unitCode,
      ]);
      return reply.code(stored.rowCount ? 201 : 200).send();
    });

    app.get('/files/:sha256', async (request, reply) => {
      const { sha256 } = request.params as { sha256: string };
      if (!SHA256.test(sha256)) throw notHeld();
      const file = (
        await pool.query<{ content: Buffer }>(
          `SELECT f.content FROM files f WHERE f.sha256 = $1 AND (
             f.uploaded_by = $2 OR EXISTS (
               SELECT 1 FROM assignment_events e JOIN assignments a ON a.id = e.assignment_id
               WHERE e.body -> 'documents' @> jsonb_build_array(jsonb_build_object('sha256', $1::text)) AND ${visibleTo('$2')})
             OR EXISTS (SELECT 1 FROM publications p WHERE p.sha256 = $1 AND ${publicationVisibleTo('$2')}))`,
          [sha256, callerOf(request).unitCode],
        )
      ).rows[0];
      if (!file) throw notHeld();
      return reply.type('application/octet-stream').header('Cache-Control', 'private, max-age=31536000, immutable').send(file.content);
    });
  };
}
