import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPool } from '../../hub/db/pool.ts';
import { buildHubApp } from '../../hub/server.ts';
import { buildOpenApi } from '../../shared/sync/openapi.ts';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

describe('the liên thông contract', () => {
  it('is committed as generated from the wire schemas', () => {
    const committed = readFileSync(join(import.meta.dirname, '../../shared/sync/openapi.json'), 'utf8');
    expect(committed, 'shared/sync/openapi.json is stale: run `node scripts/openapi.ts` and commit the file').toBe(`${JSON.stringify(buildOpenApi(), null, 2)}\n`);
  });

  it('documents exactly the routes the reference hub serves', async () => {
    // The pool is never queried: building the app and listing its routes needs no database.
    const pool = createPool('postgres://nobody@127.0.0.1:1/none');
    const app = buildHubApp({ pool, tokenTtlSeconds: 3600, logger: false });
    const served: string[] = [];
    app.addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) served.push(`${method.toUpperCase()} ${route.url.replace(/:(\w+)/g, '{$1}')}`);
    });
    await app.ready();
    await app.close();
    await pool.end();

    const paths = buildOpenApi().paths as Record<string, Record<string, unknown>>;
    const documented = Object.entries(paths).flatMap(([path, item]) => Object.keys(item).filter((m) => METHODS.includes(m)).map((m) => `${m.toUpperCase()} ${path}`));
    expect(served.sort()).toEqual(documented.sort());
  });
});
