import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;

/** The layer rules of DESIGN.md §2 are enforced by lint: a violation must fail, not wait for review. */
const violations: Array<[string, string]> = [
  ['electron/core/bad.ts', "import { app } from 'electron';\nexport const a = app;\n"],
  ['electron/core/bad.ts', "import { x } from '../../renderer/src/x.ts';\nexport const a = x;\n"],
  ['shared/bad.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n"],
  ['shared/bad.ts', "import { app } from 'electron';\nexport const a = app;\n"],
  ['renderer/src/bad.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n"],
  ['renderer/src/bad.ts', "import { createCore } from '../../electron/core/index.ts';\nexport const a = createCore;\n"],
  ['electron/preload/bad.ts', "import { createCore } from '../core/index.ts';\nexport const a = createCore;\n"],
  ['electron/preload/bad.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n"],
];

describe('layer rules', () => {
  const eslint = new ESLint({ cwd: root });

  it.each(violations)('%s: forbidden import is a lint error', async (filePath, code) => {
    const [result] = await eslint.lintText(code, { filePath });
    expect(result?.messages.some((m) => m.ruleId === 'no-restricted-imports' && m.severity === 2)).toBe(true);
  });

  it('allows what each layer may import', async () => {
    const [core] = await eslint.lintText("import { z } from 'zod';\nimport { join } from 'node:path';\nexport const a = [z, join];\n", {
      filePath: 'electron/core/ok.ts',
    });
    expect(core?.messages.filter((m) => m.ruleId === 'no-restricted-imports')).toEqual([]);
    const [preload] = await eslint.lintText("import { contextBridge } from 'electron';\nexport const a = contextBridge;\n", {
      filePath: 'electron/preload/ok.ts',
    });
    expect(preload?.messages.filter((m) => m.ruleId === 'no-restricted-imports')).toEqual([]);
  });
});
