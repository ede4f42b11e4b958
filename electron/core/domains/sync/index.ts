import { resolve as resolvePath } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { syncMethods, SyncRunResult, SyncStatus, SyncWhoAmI } from '../../../../shared/contract/index.ts';
import { MAX_BATCH, whoAmI } from '../../../../shared/sync/wire.ts';
import type { ServiceContext } from '../../context.ts';
import type { DomainHandlers } from '../../dispatch.ts';
import { CoreError } from '../../errors.ts';
import type { Domain } from '../domain.ts';
import { nextDelayMs } from './backoff.ts';
import { createConflicts } from './conflicts.ts';
import { createCredentials, readSecretFile, type SecretVault } from './credentials.ts';
import { createHubClient, type HubClient } from './hub-client.ts';
import { HubError } from './hub-error.ts';
import type { Outbox } from './outbox.ts';
import type { PacksDomain } from '../packs/index.ts';
import type { DocumentsDomain } from '../documents/index.ts';
import type { OpinionsDomain } from '../opinions/index.ts';
import { createPublications } from './publications.ts';
import { createPuller, type PullDocuments } from './puller.ts';
import { createSender } from './sender.ts';
import { createSyncStore } from './sync-store.ts';

/** A sync method's input as validated (defaults applied, text trimmed). */
type In<M extends keyof typeof syncMethods> = z.output<(typeof syncMethods)[M]['input']>;

export interface SyncHostOptions {
  /** Sync in the background (the app's hosts); the command line runs passes on demand. */
  auto?: boolean;
  /** Between background passes; 30 s by default. */
  intervalMs?: number;
  /** The OS keychain (Electron's safeStorage), when the host has one. */
  vault?: SecretVault;
  /** Operations per request (the benchmark's unbatched anchor sends one). */
  maxBatch?: number;
}

/**
 * Liên thông: the outbox delivered to the provincial hub and the hub's changes feed applied here,
 * with the status the shell shows, the settings page's connection, and the conflicts a person decides.
 */
export function createSyncDomain(
  ctx: ServiceContext,
  deps: { outbox: Outbox; documents: PullDocuments & Pick<DocumentsDomain, 'handlers'>; packs: Pick<PacksDomain, 'handlers'>; opinions: Pick<OpinionsDomain, 'handlers'>; host: SyncHostOptions },
) {
  const { db } = ctx;
  const store = createSyncStore(db);
  const credentials = createCredentials(ctx.paths, deps.host.vault);
  const sender = createSender(ctx, store);
  const puller = createPuller(ctx, store, deps.documents);
  const conflicts = createConflicts(ctx, store);
  const publications = createPublications(ctx, store, { packs: deps.packs, documents: deps.documents, opinions: deps.opinions });
  const counts = db.prepare(
    "SELECT sum(state = 'pending') AS pending, sum(state = 'rejected') AS rejected FROM sync_outbox",
  );
  const openConflicts = db.prepare('SELECT count(*) FROM sync_conflicts WHERE resolved_at IS NULL').pluck();
  const unitName = db.prepare('SELECT name FROM organizations WHERE organ_code = ?').pluck();
  let running: Promise<SyncRunResult> | null = null;
  let client: { key: string; client: HubClient } | null = null;
  let timer: NodeJS.Timeout | null = null;

  function status(): SyncStatus {
    const c = counts.get() as { pending: number | null; rejected: number | null };
    const lastError = store.get('lastError');
    return {
      configured: store.configured(),
      url: store.get('url'),
      tokenUrl: store.get('tokenUrl'),
      clientId: store.get('clientId'),
      unitCode: store.get('unitCode'),
      installationId: store.get('installationId'),
      pending: c.pending ?? 0,
      conflicts: openConflicts.get() as number,
      rejected: c.rejected ?? 0,
      lastSuccessAt: store.get('lastSuccessAt'),
      lastError: lastError ? (JSON.parse(lastError) as SyncStatus['lastError']) : null,
      cursor: store.get('cursor'),
      nextAttemptAt: store.get('nextAttemptAt'),
      running: running !== null,
    };
  }

  function hub(): HubClient {
    const url = store.get('url');
    const secretRef = store.get('secretRef');
    if (!url || !secretRef) {
      throw new CoreError('INVALID_STATE', { vi: 'Chưa kết nối Hệ thống điều hành: hãy nhập địa chỉ và thông tin xác thực trong Cài đặt → Liên thông.', en: 'Not connected to the operations system: enter the address and credentials in Settings → Sync.' });
    }
    const conn = { url, tokenUrl: store.get('tokenUrl') ?? `${url}/oauth/token`, clientId: store.get('clientId') ?? '', installationId: store.get('installationId') ?? '' };
    const key = JSON.stringify(conn);
    if (client?.key !== key) client = { key, client: createHubClient({ ...conn, secret: () => credentials.read(secretRef) }, ctx.now) };
    return client.client;
  }

  async function whoAmIOf(c: HubClient): Promise<SyncWhoAmI> {
    const me = await c.json('GET', '/v1/me', whoAmI);
    const previous = store.get('unitCode');
    if (previous !== me.unitCode) {
      db.transaction(() => {
        store.set('unitCode', me.unitCode);
        ctx.audit.record({ action: 'sync.configure', entity: 'sync', detail: { unitCode: me.unitCode, previous } });
      })();
    }
    return { ...me, localUnitName: (unitName.get(me.unitCode) as string | undefined) ?? null };
  }

  function configure(input: { url: string; tokenUrl?: string; clientId: string }, secretRef: string): SyncStatus {
    db.transaction(() => {
      const first = !store.configured();
      const moved = store.get('url') !== input.url;
      store.set('url', input.url);
      store.set('tokenUrl', input.tokenUrl ?? null);
      store.set('clientId', input.clientId);
      store.set('secretRef', secretRef);
      if (!store.get('installationId')) store.set('installationId', uuidv7());
      if (moved) {
        // Another hub: its feed is another feed, and who this laptop is there is asked again.
        for (const k of ['cursor', 'position', 'unitCode', 'lastError', 'nextAttemptAt', 'failures'] as const) store.set(k, null);
      }
      const queued = first ? deps.outbox.backfill() : 0;
      ctx.audit.record({ action: 'sync.configure', entity: 'sync', detail: { url: input.url, tokenUrl: input.tokenUrl ?? null, clientId: input.clientId, queued } });
    }).immediate();
    client = null;
    return status();
  }

  function fail(e: HubError): void {
    const failures = Number(store.get('failures') ?? '0') + 1;
    // Wrong credentials or a refused laptop need an administrator: try again an hour later at most.
    const delay = e.failure === 'denied' ? 3_600_000 : nextDelayMs(failures, e.retryAfter);
    const at = ctx.now();
    db.transaction(() => {
      store.set('failures', String(failures));
      store.set('lastError', JSON.stringify({ vi: e.vi, en: e.en, at: at.toISOString() }));
      store.set('nextAttemptAt', new Date(at.getTime() + delay).toISOString());
    })();
    ctx.log.warn({ failure: e.failure, status: e.status, failures }, 'sync pass failed');
  }

  async function pass(): Promise<SyncRunResult> {
    const c = hub();
    const result: SyncRunResult = { pushed: 0, pulled: 0, conflicts: 0, rejected: 0, pending: 0, error: null };
    try {
      if (!store.get('unitCode')) await whoAmIOf(c);
      // Counted as soon as known: a pull that fails afterwards does not unsay what was sent.
      Object.assign(result, await sender.push(c, deps.host.maxBatch ?? MAX_BATCH));
      result.pushed += await publications.push(c);
      const pulled = await puller.pull(c);
      result.pulled = pulled.pulled + (await publications.pull(c));
      db.transaction(() => {
        store.set('lastSuccessAt', ctx.now().toISOString());
        for (const k of ['lastError', 'nextAttemptAt', 'failures'] as const) store.set(k, null);
      })();
      if (pulled.pulled > 0) ctx.events.emit('data.changed', { area: 'tasks' });
    } catch (e) {
      if (!(e instanceof HubError)) {
        if (e instanceof CoreError) {
          fail(new HubError('denied', e.payload.message.vi, e.payload.message.en));
          result.error = e.payload.message;
          return finish(result);
        }
        throw e;
      }
      fail(e);
      result.error = { vi: e.vi, en: e.en };
    }
    return finish(result);
  }

  function finish(result: SyncRunResult): SyncRunResult {
    result.pending = status().pending;
    ctx.events.emit('data.changed', { area: 'sync' });
    return result;
  }

  /** One pass at a time: a second caller shares the pass under way. */
  function run(): Promise<SyncRunResult> {
    running ??= pass().finally(() => {
      running = null;
    });
    return running;
  }

  const handlers: DomainHandlers<typeof syncMethods> = {
    'sync.status': () => status(),
    'sync.configure': async ({ secret, ...input }: In<'sync.configure'>) => configure(input, await credentials.save(secret)),
    'sync.configureWithSecretFile': ({ secretFile, ...input }: In<'sync.configureWithSecretFile'>) => {
      const file = resolvePath(secretFile);
      readSecretFile(file);
      return configure(input, `file:${file}`);
    },
    'sync.test': async () => {
      try {
        return await whoAmIOf(hub());
      } catch (e) {
        if (e instanceof HubError) throw new CoreError('IO_ERROR', { vi: e.vi, en: e.en }, { status: e.status });
        throw e;
      }
    },
    'sync.run': () => run(),
    'sync.conflicts': () => conflicts.list(),
    'sync.resolveConflict': ({ id, keep }: In<'sync.resolveConflict'>) => {
      conflicts.resolve(id, keep);
      ctx.events.emit('data.changed', { area: 'tasks' });
      return status();
    },
    'sync.dismissRejected': ({ seq }: In<'sync.dismissRejected'>) => {
      conflicts.dismiss(seq);
      return status();
    },
    'sync.publishPack': async ({ meetingId }: In<'sync.publishPack'>) => {
      const published = await publications.publishPack(meetingId);
      ctx.events.emit('data.changed', { area: 'sync' });
      return published;
    },
    'sync.publishOpinionRequest': async ({ requestId }: In<'sync.publishOpinionRequest'>) => {
      const published = await publications.publishOpinionRequest(requestId);
      ctx.events.emit('data.changed', { area: 'sync' });
      return published;
    },
    'sync.publishOpinionAnswers': async ({ requestId }: In<'sync.publishOpinionAnswers'>) => {
      const published = await publications.publishOpinionAnswers(requestId);
      ctx.events.emit('data.changed', { area: 'sync' });
      return published;
    },
    'sync.publications': () => publications.list(),
    'sync.importPublication': async ({ id, trustSigner, personId }: In<'sync.importPublication'>) => {
      const done = await publications.importWaiting(id, { trustSigner: trustSigner ?? false, personId });
      ctx.events.emit('data.changed', { area: done.kind === 'opinion_request' || done.kind === 'opinion_answers' ? 'opinions' : 'meetings' });
      return done;
    },
    'sync.disconnect': () => {
      db.transaction(() => {
        for (const k of ['url', 'tokenUrl', 'clientId', 'secretRef', 'nextAttemptAt', 'failures', 'lastError'] as const) store.set(k, null);
        ctx.audit.record({ action: 'sync.disconnect', entity: 'sync' });
      })();
      credentials.forget();
      client = null;
      return status();
    },
  };

  const domain = {
    handlers,
    start(): void {
      if (!deps.host.auto) return;
      const tick = () => {
        if (!store.configured() || running) return;
        const due = store.get('nextAttemptAt');
        if (due && Date.parse(due) > ctx.now().getTime()) return;
        run().catch((err: unknown) => ctx.log.error({ err }, 'background sync failed'));
      };
      timer = setInterval(tick, deps.host.intervalMs ?? 30_000);
      timer.unref();
    },
    async close(): Promise<void> {
      if (timer) clearInterval(timer);
      timer = null;
      await running?.catch(() => undefined);
    },
  };
  return domain satisfies Domain;
}

export type SyncDomain = ReturnType<typeof createSyncDomain>;
