/**
 * A hub on a fresh database of this file's PostgreSQL cluster, with one client per unit and a small
 * HTTP helper that speaks as a unit from one installation (laptop).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { createHubClient, startHub } from '../../hub/index.ts';
import type { AssignmentEvent, AssignmentFields, EventKind, Operation } from '../../shared/sync/wire.ts';
import { startPostgres, type Postgres } from '../support/postgres.ts';

/** The standing office gives assignments; the finance department leads; the police coordinate; planning sees nothing. */
export const UNITS = {
  office: '000.00.01.H41',
  finance: '000.00.31.H41',
  police: '000.00.40.H41',
  planning: '000.00.32.H41',
} as const;
export type UnitName = keyof typeof UNITS;

/** One cluster for the test file, started before its tests and removed after them. */
export function clusterPerFile(): () => Postgres {
  let cluster: Postgres | undefined;
  beforeAll(async () => {
    cluster = await startPostgres();
  });
  afterAll(async () => {
    await cluster?.stop();
  });
  return () => {
    if (!cluster) throw new Error('the cluster did not start');
    return cluster;
  };
}

let databases = 0;
export const freshDatabase = (cluster: Postgres) => cluster.createDatabase(`hub_${(databases += 1)}`);

export interface Reply {
  status: number;
  headers: Headers;
  // Replies are read field by field; the wire schemas check their shape where it matters.
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

async function reply(res: Response): Promise<Reply> {
  const type = res.headers.get('content-type') ?? '';
  const body = type.includes('json') ? await res.json() : type.includes('octet-stream') ? Buffer.from(await res.arrayBuffer()) : await res.text();
  return { status: res.status, headers: res.headers, body };
}

/** Requests as one client from one installation. */
export class Api {
  readonly base: string;
  readonly token: string | null;
  readonly installationId: string;

  constructor(base: string, token: string | null, installationId: string) {
    this.base = base;
    this.token = token;
    this.installationId = installationId;
  }

  async call(method: string, path: string, o: { json?: unknown; bytes?: Buffer; headers?: Record<string, string> } = {}): Promise<Reply> {
    const headers: Record<string, string> = { 'x-installation-id': this.installationId, ...o.headers };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    let body: string | Buffer | undefined;
    if (o.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(o.json);
    } else if (o.bytes) {
      headers['content-type'] ??= 'application/octet-stream';
      body = o.bytes;
    }
    return reply(await fetch(this.base + path, { method, headers, body }));
  }

  putAssignment(id: string, fields: AssignmentFields, ifMatch: number | null, opId = randomUUID(), seq = 1): Promise<Reply> {
    const precondition: Record<string, string> = ifMatch === null ? { 'if-none-match': '*' } : { 'if-match': `"${ifMatch}"` };
    return this.call('PUT', `/v1/assignments/${id}`, { json: fields, headers: { 'operation-id': opId, 'operation-seq': String(seq), ...precondition } });
  }

  putEvent(id: string, eventId: string, event: AssignmentEvent, opId = randomUUID(), seq = 1): Promise<Reply> {
    return this.call('PUT', `/v1/assignments/${id}/events/${eventId}`, { json: event, headers: { 'operation-id': opId, 'operation-seq': String(seq) } });
  }

  batch(operations: Operation[]): Promise<Reply> {
    return this.call('POST', '/v1/operations', { json: { operations } });
  }

  changes(cursor?: string, limit?: number): Promise<Reply> {
    const q = new URLSearchParams();
    if (cursor !== undefined) q.set('cursor', cursor);
    if (limit !== undefined) q.set('limit', String(limit));
    return this.call('GET', `/v1/changes?${q}`);
  }
}

export async function tokenFor(base: string, clientId: string, secret: string): Promise<string> {
  const res = await fetch(`${base}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret }),
  });
  if (res.status !== 200) throw new Error(`token: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

export interface HubWorld {
  url: string;
  databaseUrl: string;
  clients: Record<UnitName, { clientId: string; secret: string }>;
  /** A unit speaking from a new installation, or the one named. */
  as(unit: UnitName, installationId?: string): Promise<Api>;
  close(): Promise<void>;
}

export async function hubWorld(cluster: Postgres, opts: { tokenTtlSeconds?: number; logger?: object } = {}): Promise<HubWorld> {
  const databaseUrl = await freshDatabase(cluster);
  const hub = await startHub({ databaseUrl, ...opts });
  const clients = {} as HubWorld['clients'];
  for (const [name, unitCode] of Object.entries(UNITS)) clients[name as UnitName] = await createHubClient({ databaseUrl, unitCode, unitName: name });
  const tokens = new Map<UnitName, string>();
  return {
    url: hub.url,
    databaseUrl,
    clients,
    async as(unit, installationId = randomUUID()) {
      if (!tokens.has(unit)) tokens.set(unit, await tokenFor(hub.url, clients[unit].clientId, clients[unit].secret));
      return new Api(hub.url, tokens.get(unit)!, installationId);
    },
    close: () => hub.close(),
  };
}

/** An assignment from the office to finance, with the police coordinating. */
export function fields(overrides: Partial<AssignmentFields> = {}): AssignmentFields {
  return {
    content: 'Tham mưu phân bổ vốn đối ứng các dự án đường giao thông',
    expectedResult: 'Tờ trình UBND tỉnh',
    source: { kind: 'conclusion', label: 'Kết luận phiên họp 05/01/2026, mục 2' },
    leadUnit: UNITS.finance,
    coordinatingUnits: [UNITS.police],
    personInCharge: 'Nguyễn Văn An',
    assignedOn: '2026-01-06',
    deadlineKind: 'date',
    workingDays: null,
    review: null,
    originalDeadline: '2026-02-27',
    dueDate: '2026-02-27',
    judgedBy: '2026-02-27',
    urgency: 'normal',
    tags: ['Nghị quyết 57'],
    ...overrides,
  };
}

let clock = Date.parse('2026-01-07T01:00:00.000Z');

/** An event leaving the assignment in `status`; each one a minute after the last. */
export function event(kind: EventKind, status: AssignmentEvent['result']['status'], overrides: Partial<AssignmentEvent> = {}): AssignmentEvent {
  clock += 60_000;
  const percent = status === 'done_requested' || status === 'done' ? 100 : 40;
  return {
    kind,
    at: new Date(clock).toISOString(),
    actorName: 'Trần Thị Bình',
    percent,
    text: 'Đã trình UBND tỉnh dự thảo',
    documents: [],
    result: { status, percent, completedOn: status === 'done_requested' ? '2026-02-20' : null, statusReason: null },
    extensionRequest: null,
    extensionDecision: null,
    ...overrides,
  };
}

export function assignmentOp(assignmentId: string, ifMatch: number | null, body: AssignmentFields, seq = 1): Operation {
  return { type: 'assignment', opId: randomUUID(), seq, assignmentId, ifMatch, body };
}

export function eventOp(assignmentId: string, body: AssignmentEvent, seq = 1): Operation {
  return { type: 'event', opId: randomUUID(), seq, assignmentId, eventId: randomUUID(), body };
}
