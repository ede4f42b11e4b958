/**
 * `node scripts/openapi.ts`: write the liên thông contract, generated from the wire schemas, to
 * shared/sync/openapi.json (committed, so gateways and the province read it without building anything).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildOpenApi } from '../shared/sync/openapi.ts';

const file = join(import.meta.dirname, '../shared/sync/openapi.json');
writeFileSync(file, `${JSON.stringify(buildOpenApi(), null, 2)}\n`);
console.log(`wrote ${file}`);
