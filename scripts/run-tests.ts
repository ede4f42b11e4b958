/**
 * `npm test`: every suite (vitest for the core, CLI and hosts; Playwright for the journeys), run
 * one after the other even when one fails, then one closing line `N passed, N failed` for them all.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const reports = join(root, 'reports');
rmSync(reports, { recursive: true, force: true });

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}

function run(command: string, args: string[]): number {
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  return r.status ?? 1;
}

function vitestTally(): Tally | undefined {
  const file = join(reports, 'vitest.json');
  if (!existsSync(file)) return undefined;
  const r = JSON.parse(readFileSync(file, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  return { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests };
}

interface PlaywrightSuite {
  file?: string;
  specs?: Array<{ title: string; line: number; tests: Array<{ status: string }> }>;
  suites?: PlaywrightSuite[];
}

/** Tests that failed and then passed on their retry: counted as passed, but named so no one mistakes them for sound. */
function flakyTests(suite: PlaywrightSuite, file = ''): string[] {
  const here = suite.file ?? file;
  return [
    ...(suite.specs ?? []).filter((s) => s.tests.some((t) => t.status === 'flaky')).map((s) => `${here}:${s.line} › ${s.title}`),
    ...(suite.suites ?? []).flatMap((s) => flakyTests(s, here)),
  ];
}

function playwrightTally(): Tally | undefined {
  const file = join(reports, 'playwright.json');
  if (!existsSync(file)) return undefined;
  const r = JSON.parse(readFileSync(file, 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number }; suites: PlaywrightSuite[] };
  for (const name of r.suites.flatMap((s) => flakyTests(s))) console.warn(`playwright: flaky (failed, then passed on its retry): ${name}`);
  return { passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected, skipped: r.stats.skipped };
}

const bin = (name: string) => join(root, 'node_modules', '.bin', name);
const suites: Array<[string, number, () => Tally | undefined]> = [
  ['vitest', run(bin('vitest'), ['run']), vitestTally],
  ['playwright', run(bin('playwright'), ['test']), playwrightTally],
];

const total: Tally = { passed: 0, failed: 0, skipped: 0 };
let broken = false;
for (const [name, code, tally] of suites) {
  const t = tally();
  if (!t) {
    // A runner that crashed before writing its report counts as a failure, never as "0 failed".
    console.error(`${name}: no report was written (exit code ${code})`);
    total.failed += 1;
    broken = true;
    continue;
  }
  if (code !== 0 && t.failed === 0) {
    console.error(`${name}: exited with ${code} although no test failed`);
    broken = true;
  }
  total.passed += t.passed;
  total.failed += t.failed;
  total.skipped += t.skipped;
}
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exitCode = total.failed > 0 || broken ? 1 : 0;
