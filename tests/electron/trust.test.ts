import { describe, expect, it } from 'vitest';
import { createOriginPolicy, originOf } from '../../electron/main/trust.ts';

describe('originOf', () => {
  it('gives the custom scheme a real origin (Node says "null")', () => {
    expect(new URL('app://nghisu/index.html').origin).toBe('null');
    expect(originOf('app://nghisu/index.html#/meetings')).toBe('app://nghisu');
    expect(originOf('http://localhost:5173/')).toBe('http://localhost:5173');
  });

  it('refuses URLs with credentials and unparsable strings', () => {
    expect(originOf('app://x@nghisu/')).toBeNull();
    expect(originOf('https://user:pw@example.com/')).toBeNull();
    expect(originOf('nonsense')).toBeNull();
    expect(originOf('about:blank')).toBeNull();
  });
});

describe('createOriginPolicy', () => {
  it('trusts only the app origin in a built app', () => {
    const policy = createOriginPolicy(undefined);
    expect(policy.isTrusted('app://nghisu/index.html')).toBe(true);
    expect(policy.isTrusted('app://NGHISU/index.html')).toBe(true);
    expect(policy.isTrusted('app://nghisu.evil/index.html')).toBe(false);
    expect(policy.isTrusted('app://other/index.html')).toBe(false);
    expect(policy.isTrusted('http://localhost:5173/')).toBe(false);
    expect(policy.isTrusted('file:///etc/passwd')).toBe(false);
    expect(policy.isTrusted('https://example.com/')).toBe(false);
    expect(policy.isTrusted('data:text/html,hi')).toBe(false);
  });

  it('adds exactly the dev server origin in development', () => {
    const policy = createOriginPolicy('http://localhost:5173/');
    expect(policy.isTrusted('http://localhost:5173/#/meetings')).toBe(true);
    expect(policy.isTrusted('http://localhost:5174/')).toBe(false);
    expect(policy.isTrusted('https://localhost:5173/')).toBe(false);
  });
});
