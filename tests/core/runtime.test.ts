import { describe, expect, it } from 'vitest';
import { assertSupportedRuntime, CoreError } from '../../electron/core/index.ts';

describe('runtime check', () => {
  it('refuses Node 20 (Node-API 9) with a clear Vietnamese message before loading SQLite', () => {
    const old = { ...process.versions, node: '20.20.2', napi: '9' };
    expect(() => assertSupportedRuntime(old)).toThrow(CoreError);
    try {
      assertSupportedRuntime(old);
    } catch (e) {
      expect((e as CoreError).code).toBe('RUNTIME_UNSUPPORTED');
      expect((e as CoreError).text.vi).toContain('Node.js 22 trở lên');
    }
  });

  it('accepts the runtime the tests run on', () => {
    expect(() => assertSupportedRuntime()).not.toThrow();
  });
});
