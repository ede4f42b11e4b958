import { APP_NAME } from '../../../shared/app.ts';
import type { AppInfo } from '../../../shared/contract/index.ts';
import { readSchemaVersion } from '../db/migrate.ts';
import type { SqliteDatabase } from '../runtime.ts';

/** Row counts of the app's own tables (not SQLite's or FTS shadow tables), for diagnostics. */
function countRows(db: SqliteDatabase): Record<string, number> {
  const tables = db
    .prepare(
      `SELECT name FROM sqlite_master
       WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'
         AND name NOT IN (SELECT name || suffix FROM sqlite_master m
                          JOIN (SELECT '_data' AS suffix UNION ALL SELECT '_idx' UNION ALL SELECT '_content'
                                UNION ALL SELECT '_docsize' UNION ALL SELECT '_config') s
                          WHERE m.sql LIKE 'CREATE VIRTUAL TABLE%')
       ORDER BY name`,
    )
    .pluck()
    .all() as string[];
  const counts: Record<string, number> = {};
  for (const t of tables) {
    counts[t] = db.prepare(`SELECT count(*) FROM "${t.replaceAll('"', '""')}"`).pluck().get() as number;
  }
  return counts;
}

export function createAppInfoService(deps: {
  getDb: () => SqliteDatabase;
  appVersion: string;
  dataDir: string;
  databaseFile: string;
  latestSchemaVersion: number;
}) {
  return {
    info(): AppInfo {
      const db = deps.getDb();
      return {
        appName: APP_NAME,
        version: deps.appVersion,
        dataDir: deps.dataDir,
        databaseFile: deps.databaseFile,
        schemaVersion: readSchemaVersion(db),
        latestSchemaVersion: deps.latestSchemaVersion,
        node: process.versions.node,
        sqlite: db.prepare('SELECT sqlite_version()').pluck().get() as string,
        counts: countRows(db),
      };
    },
  };
}
