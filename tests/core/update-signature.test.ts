import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  fetchVerifiedMetadata,
  isCoveredBySignature,
  metadataFileName,
  signMetadata,
  UpdateRefused,
} from '../../electron/core/updates/metadata-signature.ts';
import { tempDir } from '../support/temp-dir.ts';

const SHA_APP = 'kQ3b4xXlv0pD2Z8pC0Wb0m4P6YbZ1k0x8gZb3c4d5e6f7g8h9i0j1k2l3m4n5o6p7q8r9s0t1u2v3w4x5y6z7A8B9C==';
const SHA_EVIL = 'ZZZb4xXlv0pD2Z8pC0Wb0m4P6YbZ1k0x8gZb3c4d5e6f7g8h9i0j1k2l3m4n5o6p7q8r9s0t1u2v3w4x5y6z7A8B9C==';

/** electron-builder's latest-linux.yml, as the release process writes it. */
function metadata(version: string, sha512: string): string {
  return [
    `version: ${version}`,
    'files:',
    `  - url: nghisu-${version}-linux-x86_64.AppImage`,
    `    sha512: ${sha512}`,
    '    size: 123456789',
    '    blockMapSize: 130000',
    `path: nghisu-${version}-linux-x86_64.AppImage`,
    `sha512: ${sha512}`,
    "releaseDate: '2026-12-01T08:00:00.000Z'",
    '',
  ].join('\n');
}

function keyPair() {
  const pair = generateKeyPairSync('ed25519');
  return {
    privatePem: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicPem: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** A real feed on the loopback interface; `files` maps a path to the bytes served. */
async function serveFeed(files: Record<string, string>): Promise<string> {
  server = createServer((req, res) => {
    const body = files[req.url ?? ''];
    if (body === undefined) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/yaml' }).end(body);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}/nghisu`;
}

describe('signed update metadata', () => {
  const fileName = metadataFileName('linux', 'x64');

  it('accepts the release as signed, and electron-updater may then install exactly that file', async () => {
    const keys = keyPair();
    const yml = metadata('1.2.0', SHA_APP);
    const feedUrl = await serveFeed({ [`/nghisu/${fileName}`]: yml, [`/nghisu/${fileName}.sig`]: signMetadata(Buffer.from(yml), keys.privatePem) });
    const verified = await fetchVerifiedMetadata({ feedUrl, fileName, publicKeyPem: keys.publicPem, fetch });
    expect(verified.version).toBe('1.2.0');
    expect(isCoveredBySignature({ version: '1.2.0', files: [{ sha512: SHA_APP }], sha512: SHA_APP }, verified)).toBe(true);
  });

  it('refuses metadata changed after signing (another installer swapped in)', async () => {
    const keys = keyPair();
    const signed = metadata('1.2.0', SHA_APP);
    const tampered = metadata('1.2.0', SHA_EVIL);
    const feedUrl = await serveFeed({ [`/nghisu/${fileName}`]: tampered, [`/nghisu/${fileName}.sig`]: signMetadata(Buffer.from(signed), keys.privatePem) });
    await expect(fetchVerifiedMetadata({ feedUrl, fileName, publicKeyPem: keys.publicPem, fetch })).rejects.toMatchObject({ reason: 'bad-signature' });
  });

  it('refuses metadata signed by another key, unsigned metadata, and a garbage signature', async () => {
    const keys = keyPair();
    const other = keyPair();
    const yml = metadata('1.2.0', SHA_APP);
    let feedUrl = await serveFeed({ [`/nghisu/${fileName}`]: yml, [`/nghisu/${fileName}.sig`]: signMetadata(Buffer.from(yml), other.privatePem) });
    await expect(fetchVerifiedMetadata({ feedUrl, fileName, publicKeyPem: keys.publicPem, fetch })).rejects.toMatchObject({ reason: 'bad-signature' });
    await new Promise<void>((resolve) => server!.close(() => resolve()));

    feedUrl = await serveFeed({ [`/nghisu/${fileName}`]: yml });
    await expect(fetchVerifiedMetadata({ feedUrl, fileName, publicKeyPem: keys.publicPem, fetch })).rejects.toMatchObject({ reason: 'no-signature' });
    await new Promise<void>((resolve) => server!.close(() => resolve()));

    feedUrl = await serveFeed({ [`/nghisu/${fileName}`]: yml, [`/nghisu/${fileName}.sig`]: 'AAAA' });
    await expect(fetchVerifiedMetadata({ feedUrl, fileName, publicKeyPem: keys.publicPem, fetch })).rejects.toBeInstanceOf(UpdateRefused);
  });

  it('refuses a plain-http feed on another machine before fetching anything', async () => {
    const keys = keyPair();
    let fetched = false;
    const spy = (async () => {
      fetched = true;
      return new Response('');
    }) as typeof fetch;
    await expect(
      fetchVerifiedMetadata({ feedUrl: 'http://capnhat.laocai.gov.vn/nghisu', fileName, publicKeyPem: keys.publicPem, fetch: spy }),
    ).rejects.toMatchObject({ reason: 'url' });
    expect(fetched).toBe(false);
  });

  it('refuses what electron-updater parsed when the feed served it something other than the signed copy', () => {
    const verified = { version: '1.2.0', sha512: new Set([SHA_APP]) };
    expect(isCoveredBySignature({ version: '1.2.0', files: [{ sha512: SHA_EVIL }], sha512: SHA_APP }, verified)).toBe(false);
    expect(isCoveredBySignature({ version: '9.9.9', files: [{ sha512: SHA_APP }] }, verified)).toBe(false);
    expect(isCoveredBySignature({ version: '1.2.0', files: [] }, verified)).toBe(false);
  });

  it('ships an Ed25519 public key, and the release script signs with the private key from the environment', () => {
    const shipped = readFileSync(join(import.meta.dirname, '../../resources/update-signing-key.pem'), 'utf8');
    expect(shipped).toContain('BEGIN PUBLIC KEY');

    const dir = tempDir();
    const script = join(import.meta.dirname, '../../scripts/sign-update.ts');
    const privateFile = join(dir, 'release-key.pem');
    const generated = spawnSync(process.execPath, [script, '--generate-key', privateFile], { encoding: 'utf8' });
    expect(generated.status, generated.stderr).toBe(0);
    const publicFile = join(dir, 'public.pem');
    writeFileSync(publicFile, generated.stdout);
    const yml = metadata('1.2.0', SHA_APP);
    writeFileSync(join(dir, 'latest-linux.yml'), yml);

    const env = { ...process.env, NGHISU_UPDATE_SIGNING_KEY_FILE: privateFile, NGHISU_UPDATE_PUBLIC_KEY_FILE: publicFile };
    const signed = spawnSync(process.execPath, [script, dir], { encoding: 'utf8', env });
    expect(signed.status, signed.stderr).toBe(0);
    const signature = readFileSync(join(dir, 'latest-linux.yml.sig'), 'utf8');
    expect(Buffer.from(signature.trim(), 'base64')).toHaveLength(64);

    // A key that does not match the app's public key is caught at release time.
    const wrong = spawnSync(process.execPath, [script, dir], {
      encoding: 'utf8',
      env: { ...process.env, NGHISU_UPDATE_SIGNING_KEY_FILE: privateFile, NGHISU_UPDATE_PUBLIC_KEY_FILE: '' },
    });
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain('does not match');
  });
});
