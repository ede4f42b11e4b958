import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { batchResult, changesPage, MAX_BATCH, problem, type Operation } from '../../shared/sync/wire.ts';
import { assignmentOp, clusterPerFile, event, eventOp, fields, hubWorld, type HubWorld } from './hub-world.ts';

const cluster = clusterPerFile();
let w: HubWorld;
let db: pg.Client;
beforeEach(async () => {
  w = await hubWorld(cluster());
  db = new pg.Client({ connectionString: w.databaseUrl });
  await db.connect();
});
afterEach(async () => {
  await db.end();
  await w.close();
});

const count = async (sql: string, params: unknown[] = []) => Number((await db.query(`SELECT count(*) AS n FROM ${sql}`, params)).rows[0].n);

describe('a batch of operations', () => {
  it('applies in order, each in its own savepoint; after a refusal the later operations on that assignment wait (424)', async () => {
    const office = await w.as('office');
    const a = randomUUID();
    const b = randomUUID();
    const ops: Operation[] = [
      assignmentOp(a, null, fields(), 1),
      assignmentOp(a, 1, fields({ content: 'Sửa lần 1' }), 2),
      assignmentOp(a, 1, fields({ content: 'Sửa từ bản cũ' }), 3),
      assignmentOp(a, 2, fields({ content: 'Sửa lần 2' }), 4),
      eventOp(a, event('reminded', 'assigned'), 5),
      assignmentOp(b, null, fields({ content: 'Nhiệm vụ khác' }), 6),
    ];
    const r = await office.batch(ops);
    expect(r.status).toBe(200);
    const results = batchResult.parse(r.body).results;
    expect(results.map((x) => [x.opId, x.status])).toEqual(ops.map((op, i) => [op.opId, [201, 200, 412, 424, 424, 201][i]]));
    expect(results[2]!.problem).toMatchObject({ code: 'version_mismatch', current: { id: a, fieldsVersion: 2 } });
    expect(results[3]!.problem).toMatchObject({ status: 424, code: 'earlier_refused' });
    expect(results[1]!.position).toBeGreaterThan(results[0]!.position!);
    expect(results[5]!.position).toBeGreaterThan(results[1]!.position!);

    // Not tried means not stored and nothing changed: the same operations go through once the refusal is settled.
    expect(await count('operations')).toBe(4);
    expect(await count('operations WHERE op_id = ANY($1)', [[ops[3]!.opId, ops[4]!.opId]])).toBe(0);
    expect(await count('assignment_events')).toBe(0);
    expect((await db.query('SELECT fields_version FROM assignments WHERE id = $1', [a])).rows[0].fields_version).toBe(2);
    const retry = batchResult.parse((await office.batch([ops[3]!, ops[4]!])).body).results;
    expect(retry.map((x) => [x.status, x.replay])).toEqual([
      [200, false],
      [200, false],
    ]);
    // The whole first batch again: every answer is the first one, the 424s now their real answers.
    const again = batchResult.parse((await office.batch(ops)).body).results;
    expect(again.map((x) => [x.status, x.replay])).toEqual([
      [201, true],
      [200, true],
      [412, true],
      [424, false],
      [424, false],
      [201, true],
    ]);
    const installation = (await db.query('SELECT last_seq::int AS last_seq FROM installations WHERE id = $1', [office.installationId])).rows[0];
    expect(installation.last_seq).toBe(6);
  });

  it('is refused whole when it breaks the contract', async () => {
    const office = await w.as('office');
    const empty = assignmentOp(randomUUID(), null, fields({ content: '' }));
    const bad = await office.batch([assignmentOp(randomUUID(), null, fields()), empty]);
    expect(bad.status).toBe(422);
    expect(problem.parse(bad.body).errors?.[0]?.path).toBe('/operations/1/body/content');
    const tooMany = Array.from({ length: MAX_BATCH + 1 }, () => assignmentOp(randomUUID(), null, fields()));
    expect((await office.batch(tooMany)).status).toBe(422);
    expect((await office.batch([])).status).toBe(422);
    expect(await count('operations')).toBe(0);
  });

  it('leaves nothing behind when the hub fails (5xx), so the laptop simply sends it again', async () => {
    const office = await w.as('office');
    const finance = await w.as('finance');
    const a = randomUUID();
    expect((await office.batch([assignmentOp(a, null, fields())])).status).toBe(200);
    await db.query(`CREATE FUNCTION refuse_boom() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.body->>'text' = 'boom' THEN RAISE EXCEPTION 'disk on fire'; END IF; RETURN NEW; END $$`);
    await db.query('CREATE TRIGGER boom BEFORE INSERT ON assignment_events FOR EACH ROW EXECUTE FUNCTION refuse_boom()');
    const before = await count('operations');
    const ops = [eventOp(a, event('progress', 'in_progress')), eventOp(a, event('progress', 'in_progress', { text: 'boom' }))];
    const failed = await finance.batch(ops);
    expect(failed.status).toBe(500);
    expect(problem.parse(failed.body)).toMatchObject({ status: 500, code: 'internal', titleVi: 'Lỗi máy chủ' });
    expect(await count('operations')).toBe(before);
    expect(await count('assignment_events')).toBe(0);
    await db.query('DROP TRIGGER boom ON assignment_events');
    expect(batchResult.parse((await finance.batch(ops)).body).results.map((x) => x.status)).toEqual([200, 200]);
  });
});

describe('concurrent writers', () => {
  it('commit feed positions in order: a reader polling meanwhile never skips a change', async () => {
    const writers = await Promise.all(Array.from({ length: 8 }, () => w.as('office')));
    const reader = await w.as('finance');
    const seen = new Map<string, number>();
    let cursor: string | undefined;
    let last = 0;
    const poll = async () => {
      for (;;) {
        const page = changesPage.parse((await reader.changes(cursor, 7)).body);
        for (const c of page.changes) {
          expect(c.position).toBeGreaterThan(last);
          last = c.position;
          seen.set(`${c.id}@${c.position}`, c.version);
        }
        cursor = page.cursor;
        if (!page.more) return;
      }
    };
    let writing = true;
    const readerLoop = (async () => {
      while (writing) await poll();
    })();
    await Promise.all(
      writers.map(async (api, n) => {
        for (let round = 0; round < 4; round += 1) {
          const ids = Array.from({ length: 6 }, () => randomUUID());
          const ops = ids.flatMap((id, i) => [assignmentOp(id, null, fields({ content: `Người ghi ${n}, lượt ${round}, nhiệm vụ ${i}` }), 1), assignmentOp(id, 1, fields({ content: `Đã sửa ${n}/${round}/${i}` }), 2)]);
          const r = await api.batch(ops);
          expect(batchResult.parse(r.body).results.every((x) => x.status < 300)).toBe(true);
        }
      }),
    );
    writing = false;
    await readerLoop;
    await poll();

    const everything = changesPage.parse((await reader.changes(undefined, 1000)).body).changes;
    expect(everything).toHaveLength(8 * 4 * 6);
    for (const c of everything) expect(seen.get(`${c.id}@${c.position}`), `${c.id} at ${c.position} was skipped`).toBe(c.version);
  });
});
