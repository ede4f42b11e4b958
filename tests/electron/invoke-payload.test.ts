import { describe, expect, it } from 'vitest';
import { parseInvokePayload } from '../../electron/main/invoke-payload.ts';

describe('parseInvokePayload', () => {
  it('accepts exactly { method, input }', () => {
    expect(parseInvokePayload({ method: 'app.info', input: {} })).toEqual({ method: 'app.info', input: {} });
    expect(parseInvokePayload({ method: 'settings.getAll' })).toEqual({ method: 'settings.getAll', input: undefined });
    expect(parseInvokePayload(Object.assign(Object.create(null) as object, { method: 'm', input: 1 }))).toEqual({
      method: 'm',
      input: 1,
    });
  });

  it.each([
    null,
    undefined,
    'app.info',
    42,
    ['app.info', {}],
    { method: '' },
    { method: 'x'.repeat(129) },
    { method: 7, input: {} },
    { method: 'app.info', input: {}, access: 'local' },
    new Map([['method', 'app.info']]),
  ])('refuses %j', (payload) => {
    expect(parseInvokePayload(payload)).toBeNull();
  });
});
