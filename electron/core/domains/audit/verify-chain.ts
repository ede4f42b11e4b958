import type { AuditProblem, AuditVerification } from '../../../../shared/contract/index.ts';
import type { SqliteDatabase } from '../../runtime.ts';
import { auditHash, GENESIS_HASH, type ChainedFields } from '../../services/audit-hash.ts';

const MAX_PROBLEMS = 20;

type StoredRow = ChainedFields & { hash: string | null; seq: number | null };

/**
 * Walks the chain in `seq` order (streaming: a ten-year log never sits in memory) and reports what
 * an edit or a removal leaves behind: a hash that no longer matches its fields (edited), a gap in
 * the numbering (missing), a link to a hash that is not the entry before (relinked), an entry
 * outside the chain (unsealed: written by hand, not by the app).
 */
export function verifyAuditChain(db: SqliteDatabase, now: Date): AuditVerification {
  const problems: AuditProblem[] = [];
  const report = (p: AuditProblem) => {
    if (problems.length < MAX_PROBLEMS) problems.push(p);
  };
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let entries = 0;
  let head: AuditVerification['head'] = null;
  const rows = db
    .prepare('SELECT seq, id, at, action, entity, entity_id, detail, actor_id, actor_name, prev_hash, hash FROM audit_log ORDER BY seq IS NULL, seq')
    .iterate() as IterableIterator<StoredRow>;
  for (const row of rows) {
    entries++;
    if (row.seq === null || row.hash === null || row.prev_hash === null) {
      report({
        kind: 'unsealed',
        seq: row.seq ?? 0,
        id: row.id,
        message: {
          vi: `Mục nhật ký ${row.id} không nằm trong chuỗi băm: đã được thêm vào ngoài ứng dụng.`,
          en: `Audit entry ${row.id} is outside the hash chain: it was added outside the app.`,
        },
      });
      continue;
    }
    if (row.seq !== expectedSeq) {
      report({
        kind: 'missing',
        seq: expectedSeq,
        id: null,
        message: {
          vi: `Thiếu ${row.seq - expectedSeq} mục nhật ký (số ${expectedSeq}–${row.seq - 1}): đã bị xóa.`,
          en: `${row.seq - expectedSeq} audit entries are missing (numbers ${expectedSeq}–${row.seq - 1}): they were removed.`,
        },
      });
    } else if (row.prev_hash !== prevHash) {
      report({
        kind: 'relinked',
        seq: row.seq,
        id: row.id,
        message: {
          vi: `Mục nhật ký số ${row.seq} không nối với mục liền trước: chuỗi đã bị sửa.`,
          en: `Audit entry ${row.seq} does not link to the entry before it: the chain was altered.`,
        },
      });
    }
    if (auditHash(row) !== row.hash) {
      report({
        kind: 'edited',
        seq: row.seq,
        id: row.id,
        message: {
          vi: `Mục nhật ký số ${row.seq} (${row.action}) đã bị sửa sau khi ghi.`,
          en: `Audit entry ${row.seq} (${row.action}) was changed after it was written.`,
        },
      });
    }
    expectedSeq = row.seq + 1;
    prevHash = row.hash;
    head = { seq: row.seq, hash: row.hash };
  }
  return { ok: problems.length === 0, entries, head, problems, checkedAt: now.toISOString() };
}
