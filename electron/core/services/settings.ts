import {
  defaultSettings,
  isAdminSetting,
  settingKeys,
  settingSchemas,
  type SetSettingInput,
  type SettingKey,
  type Settings,
} from '../../../shared/contract/index.ts';
import { CoreError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { SqliteDatabase } from '../runtime.ts';
import type { AuditLog } from './audit.ts';
import type { EventBus } from '../events.ts';

function isSettingKey(key: string): key is SettingKey {
  return Object.hasOwn(settingSchemas, key);
}

/** Key/value settings with a schema per key; only values that differ from the defaults are stored. */
export function createSettingsService(deps: { db: SqliteDatabase; audit: AuditLog; events: EventBus; log: Logger }) {
  const { db, audit, events, log } = deps;
  const selectAll = db.prepare('SELECT key, value FROM settings');
  const upsert = db.prepare(
    `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  );

  function getAll(): Settings {
    const settings: Record<string, unknown> = { ...defaultSettings };
    for (const row of selectAll.all() as { key: string; value: string }[]) {
      if (!isSettingKey(row.key)) continue;
      let parsed: unknown;
      try {
        parsed = JSON.parse(row.value);
      } catch {
        parsed = undefined;
      }
      const checked = settingSchemas[row.key].safeParse(parsed);
      // A value an older or newer build wrote that no longer fits falls back to the default.
      if (checked.success) settings[row.key] = checked.data;
      else log.warn({ key: row.key }, 'stored setting does not fit its schema; using the default');
    }
    return settings as Settings;
  }

  const set = db.transaction((input: SetSettingInput): Settings => {
    const value = settingSchemas[input.key].parse(input.value);
    upsert.run(input.key, JSON.stringify(value), new Date().toISOString());
    audit.record({ action: 'settings.set', entity: 'setting', entityId: input.key, detail: { value } });
    return getAll();
  });

  return {
    getAll,
    /** `admin` only from `settings.setAdmin`, a 'local' method the window cannot reach. */
    set(input: SetSettingInput, { admin = false }: { admin?: boolean } = {}): Settings {
      if (isAdminSetting(input.key) && !admin) {
        throw new CoreError('FORBIDDEN', {
          vi: `Chỉ quản trị viên đặt được "${input.key}", bằng dòng lệnh trên máy này: nghisu settings set ${input.key} <giá trị>.`,
          en: `Only the administrator can set "${input.key}", from the command line on this machine: nghisu settings set ${input.key} <value>.`,
        });
      }
      const settings = set.immediate(input);
      events.emit('settings.changed', { key: input.key, settings });
      return settings;
    },
    keys: settingKeys,
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
