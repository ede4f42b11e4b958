import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSettings, type CoreEvent } from '../../shared/contract/index.ts';
import { createCore } from '../../electron/core/index.ts';
import { DATABASE_FILE } from '../../electron/core/db/identity.ts';
import { Database } from '../support/sqlite.ts';
import { tempDir } from '../support/temp-dir.ts';

describe('settings', () => {
  it('starts from the defaults: Vietnamese, light theme, no servers configured', async () => {
    const core = await createCore({ dataDir: tempDir() });
    expect(await core.call('settings.getAll', {})).toEqual(defaultSettings);
    expect(defaultSettings['ui.language']).toBe('vi');
    await core.close();
  });

  it('saves a value, survives a restart, announces the change and records who changed what', async () => {
    const dir = tempDir();
    const core = await createCore({ dataDir: dir });
    const events: CoreEvent[] = [];
    core.subscribe((e) => events.push(e));
    const after = await core.call('settings.set', { key: 'documents.issuingPlace', value: 'Sa Pa' });
    expect(after['documents.issuingPlace']).toBe('Sa Pa');
    expect(events).toEqual([{ event: 'settings.changed', payload: { key: 'documents.issuingPlace', settings: after } }]);
    await core.close();

    const reopened = await createCore({ dataDir: dir });
    expect((await reopened.call('settings.getAll', {}))['documents.issuingPlace']).toBe('Sa Pa');
    await reopened.close();

    const db = new Database(join(dir, DATABASE_FILE), { readonly: true });
    const audit = db.prepare('SELECT action, entity, entity_id FROM audit_log').all();
    db.close();
    expect(audit).toEqual([{ action: 'settings.set', entity: 'setting', entity_id: 'documents.issuingPlace' }]);
  });

  it('opens a database that still holds a setting this build no longer knows, and leaves it out', async () => {
    const dir = tempDir();
    await (await createCore({ dataDir: dir })).close();
    const db = new Database(join(dir, DATABASE_FILE));
    // What the Cài đặt page stored before the hub's address moved to the Liên thông page.
    db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('sync.endpointUrl', '\"https://dieuhanh.laocai.gov.vn\"', '2026-01-01T00:00:00Z')").run();
    db.close();
    const core = await createCore({ dataDir: dir });
    const settings = await core.call('settings.getAll', {});
    expect(settings).toEqual(defaultSettings);
    expect(Object.keys(settings)).not.toContain('sync.endpointUrl');
    await expect(core.call('settings.set', { key: 'sync.endpointUrl', value: 'https://dieuhanh.laocai.gov.vn' } as never)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await core.close();
  });

  it('falls back to the default when a stored value no longer fits its schema', async () => {
    const dir = tempDir();
    (await createCore({ dataDir: dir })).close();
    const db = new Database(join(dir, DATABASE_FILE));
    db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('ui.theme', '\"neon\"', '2026-01-01T00:00:00Z')").run();
    db.close();
    const core = await createCore({ dataDir: dir });
    expect((await core.call('settings.getAll', {}))['ui.theme']).toBe(defaultSettings['ui.theme']);
    await core.close();
  });

  it('never writes setting values or inputs into the log', async () => {
    const dir = tempDir();
    const core = await createCore({ dataDir: dir });
    await core.call('settings.setAdmin', { key: 'updates.url', value: 'https://capnhat.example.vn/kenh-rieng-123' });
    await core.dispatch({ type: 'request', id: 1, method: 'settings.set', input: { key: 'updates.url', value: 'bad-secret-value' } }, 'ui');
    await core.close();
    const log = readFileSync(join(dir, 'logs', 'core.log'), 'utf8');
    expect(log).toContain('core started');
    expect(log).not.toContain('kenh-rieng-123');
    expect(log).not.toContain('bad-secret-value');
  });

  it('the update feed is an administrator setting: the window cannot change it, the command line can', async () => {
    const dir = tempDir();
    const core = await createCore({ dataDir: dir });
    const fromPage = await core.dispatch(
      { type: 'request', id: 1, method: 'settings.set', input: { key: 'updates.url', value: 'https://attacker.example/feed' } },
      'ui',
    );
    expect(fromPage).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const adminFromPage = await core.dispatch(
      { type: 'request', id: 2, method: 'settings.setAdmin', input: { key: 'updates.url', value: 'https://attacker.example/feed' } },
      'ui',
    );
    expect(adminFromPage).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await core.call('settings.getAll', {}))['updates.url']).toBe('');

    const saved = await core.call('settings.setAdmin', { key: 'updates.url', value: 'https://capnhat.laocai.gov.vn/nghisu' });
    expect(saved['updates.url']).toBe('https://capnhat.laocai.gov.vn/nghisu');
    // Ordinary settings still go through the page's method.
    const ui = await core.dispatch({ type: 'request', id: 3, method: 'settings.set', input: { key: 'ui.theme', value: 'dark' } }, 'ui');
    expect(ui).toMatchObject({ ok: true });
    await core.close();
  });

  it('the update feed must be https (plain http only to this machine, for a test server)', async () => {
    const core = await createCore({ dataDir: tempDir() });
    for (const value of ['http://capnhat.laocai.gov.vn/nghisu', 'http://10.0.0.5/feed', 'http://127.0.0.1.attacker.example/', 'https://u:p@capnhat.laocai.gov.vn/']) {
      await expect(core.call('settings.setAdmin', { key: 'updates.url', value }), value).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    }
    expect((await core.call('settings.getAll', {}))['updates.url']).toBe('');
    for (const value of ['http://127.0.0.1:8080/feed', 'http://localhost:9000/', 'https://capnhat.laocai.gov.vn/nghisu', '']) {
      expect((await core.call('settings.setAdmin', { key: 'updates.url', value }))['updates.url'], value).toBe(value);
    }
    await core.close();
  });
});
