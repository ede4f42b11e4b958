import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataDirFromArgv, resolveDataDir } from '../../electron/main/data-dir.ts';

describe('dataDirFromArgv', () => {
  it('reads both spellings, the last one winning', () => {
    expect(dataDirFromArgv(['electron', '.', '--data-dir=/tmp/a'])).toBe('/tmp/a');
    expect(dataDirFromArgv(['electron', '--data-dir', '/tmp/b'])).toBe('/tmp/b');
    expect(dataDirFromArgv(['--data-dir=/tmp/a', '--data-dir', '/tmp/b'])).toBe('/tmp/b');
    expect(dataDirFromArgv(['--data-dir=/tmp/Dữ liệu'])).toBe('/tmp/Dữ liệu');
  });

  it('ignores empty or missing values and look-alike flags', () => {
    expect(dataDirFromArgv(['--data-dir='])).toBeUndefined();
    expect(dataDirFromArgv(['--data-dir'])).toBeUndefined();
    expect(dataDirFromArgv(['--data-directory=/x'])).toBeUndefined();
    expect(dataDirFromArgv([])).toBeUndefined();
  });
});

describe('resolveDataDir', () => {
  const fallback = () => '/home/u/.config/Nghị Sự';

  it('prefers the argument, then NGHISU_DATA_DIR, then the default', () => {
    expect(resolveDataDir({ argv: ['--data-dir=/a'], env: { NGHISU_DATA_DIR: '/b' }, fallback })).toEqual({
      dir: resolve('/a'),
      source: 'argument',
    });
    expect(resolveDataDir({ argv: [], env: { NGHISU_DATA_DIR: '/b' }, fallback })).toEqual({
      dir: resolve('/b'),
      source: 'environment',
    });
    expect(resolveDataDir({ argv: [], env: { NGHISU_DATA_DIR: '  ' }, fallback })).toEqual({
      dir: resolve(fallback()),
      source: 'default',
    });
  });

  it('makes relative folders absolute against the working directory', () => {
    expect(resolveDataDir({ argv: ['--data-dir=data'], env: {}, fallback, cwd: '/work' }).dir).toBe(join(resolve('/work'), 'data'));
  });
});
