import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { changesPage, decodeCursor, encodeCursor, problem, type AssignmentSnapshot } from '../../shared/sync/wire.ts';
import { assignmentOp, clusterPerFile, event, fields, hubWorld, UNITS, type Api, type HubWorld } from './hub-world.ts';

const cluster = clusterPerFile();
let w: HubWorld;
beforeEach(async () => {
  w = await hubWorld(cluster());
});
afterEach(async () => {
  await w.close();
});

/** Every page from the cursor on, each checked against the wire's schema. */
async function pullAll(api: Api, limit: number, cursor?: string) {
  const pages = [];
  for (;;) {
    const r = await api.changes(cursor, limit);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const page = changesPage.parse(r.body);
    pages.push(page);
    cursor = page.cursor;
    if (!page.more) return { pages, cursor, changes: pages.flatMap((p) => p.changes) };
  }
}

const ids = (changes: AssignmentSnapshot[]) => changes.map((c) => c.id);

describe('the changes feed', () => {
  it('shows each unit the assignments it gave, leads or coordinates, and no others', async () => {
    const office = await w.as('office');
    const a = randomUUID();
    const b = randomUUID();
    await office.batch([assignmentOp(a, null, fields()), assignmentOp(b, null, fields({ leadUnit: UNITS.planning, coordinatingUnits: [] }))]);
    const seenBy = async (unit: 'office' | 'finance' | 'police' | 'planning') => ids((await pullAll(await w.as(unit), 200)).changes);
    expect(await seenBy('office')).toEqual([a, b]);
    expect(await seenBy('finance')).toEqual([a]);
    expect(await seenBy('police')).toEqual([a]);
    expect(await seenBy('planning')).toEqual([b]);
  });

  it('pages in position order with a cursor that picks up exactly where it stopped', async () => {
    const office = await w.as('office');
    const made = Array.from({ length: 25 }, () => randomUUID());
    await office.batch(made.map((id) => assignmentOp(id, null, fields())));

    const all = await pullAll(office, 10);
    expect(all.pages.map((p) => [p.changes.length, p.more])).toEqual([
      [10, true],
      [10, true],
      [5, false],
    ]);
    expect(ids(all.changes)).toEqual(made);
    const positions = all.changes.map((c) => c.position);
    expect(positions.every((p, i) => i === 0 || p > positions[i - 1]!)).toBe(true);
    expect(all.pages[0]!.cursor).toBe(encodeCursor(positions[9]!));
    expect(decodeCursor(all.cursor)).toBe(positions.at(-1));

    // Nothing new: an empty page that hands the same cursor back.
    const idle = changesPage.parse((await office.changes(all.cursor)).body);
    expect(idle).toEqual({ changes: [], cursor: all.cursor, more: false });

    // A change moves the assignment to the end of the feed, past the cursor the laptop holds.
    const finance = await w.as('finance');
    await finance.putEvent(made[3]!, randomUUID(), event('progress', 'in_progress'));
    const next = changesPage.parse((await office.changes(all.cursor)).body);
    expect(next.changes.map((c) => [c.id, c.version, c.state.status])).toEqual([[made[3], 2, 'in_progress']]);
    expect(next.changes[0]!.position).toBeGreaterThan(positions.at(-1)!);
    expect(ids((await pullAll(office, 1000)).changes)).toHaveLength(25);
  });

  it('refuses cursors it did not give and limits out of range (422)', async () => {
    const office = await w.as('office');
    for (const query of ['cursor=abc', 'cursor=c1.', 'cursor=c2.10', `cursor=${encodeURIComponent('c1.-1')}`, 'limit=0', 'limit=1001', 'limit=ten']) {
      const r = await office.call('GET', `/v1/changes?${query}`);
      expect(r.status, query).toBe(422);
      expect(problem.parse(r.body).errors?.length).toBeGreaterThan(0);
    }
    expect(problem.parse((await office.call('GET', '/v1/changes?cursor=zzz')).body).code).toBe('bad_cursor');
  });

  it('serves 10,000 assignments in pages of 1,000 quickly', async () => {
    const db = new pg.Client({ connectionString: w.databaseUrl });
    await db.connect();
    // Loaded in bulk (writing through the API is measured elsewhere); each with two events, like a real term's work.
    await db.query(
      `INSERT INTO assignments (id, assigner_unit, lead_unit, coordinating_units, fields, state, version, fields_version, position)
       SELECT gen_random_uuid(), $1, $2, ARRAY[$3], $4::jsonb, $5::jsonb, 3, 1, nextval('feed_position') FROM generate_series(1, 10000)`,
      [UNITS.office, UNITS.finance, UNITS.police, JSON.stringify(fields()), JSON.stringify(event('progress', 'in_progress').result)],
    );
    for (const kind of ['progress', 'reminded'] as const) {
      const e = event(kind, 'in_progress');
      await db.query(
        `INSERT INTO assignment_events (id, assignment_id, unit, at, body)
         SELECT eid, id, $1, $2, $3::jsonb || jsonb_build_object('id', eid, 'unit', $1::text) FROM (SELECT gen_random_uuid() AS eid, id FROM assignments) x`,
        [UNITS.finance, e.at, JSON.stringify(e)],
      );
    }
    await db.query('ANALYZE');
    await db.end();

    const police = await w.as('police');
    const started = performance.now();
    const all = await pullAll(police, 1000);
    const seconds = (performance.now() - started) / 1000;
    expect(all.changes).toHaveLength(10_000);
    expect(new Set(ids(all.changes)).size).toBe(10_000);
    expect(all.changes.every((c) => c.events.length === 2)).toBe(true);
    // The laptop's bench allows 10 s for pulling and applying; the hub's share must be a small part of it.
    expect(seconds).toBeLessThan(5);
  });
});
