import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { isAllowedUpdateUrl } from '../../../shared/contract/settings.ts';

/**
 * The update metadata (electron-builder's latest*.yml) is signed with the release's Ed25519 key and
 * checked against the public key shipped inside the app before electron-updater may act on it.
 * electron-updater itself only compares the download's SHA-512 with that same metadata, so whoever
 * controls the feed (or, without this, anyone who can change the URL) controls the update.
 * No Electron here: the updater passes its fetch in, tests pass a real one.
 */

/** The detached signature sits next to the metadata: latest-linux.yml → latest-linux.yml.sig. */
export const SIGNATURE_SUFFIX = '.sig';

/** Metadata larger than this is not electron-builder's and is refused before it is read whole. */
const MAX_METADATA_BYTES = 256 * 1024;

export type RefusalReason = 'url' | 'fetch' | 'too-large' | 'no-signature' | 'bad-signature' | 'malformed';

export class UpdateRefused extends Error {
  readonly reason: RefusalReason;
  constructor(reason: RefusalReason) {
    super(`update metadata refused: ${reason}`);
    this.name = 'UpdateRefused';
    this.reason = reason;
  }
}

/** The channel file electron-updater's generic provider reads for this platform and architecture. */
export function metadataFileName(platform: NodeJS.Platform, arch: string): string {
  if (platform === 'win32') return 'latest.yml';
  if (platform === 'darwin') return 'latest-mac.yml';
  return arch === 'x64' ? 'latest-linux.yml' : `latest-linux-${arch}.yml`;
}

function ed25519Public(pem: string): KeyObject {
  const key = createPublicKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('the update public key is not an Ed25519 key');
  return key;
}

/** Base64 of the Ed25519 signature over the metadata's exact bytes. */
export function signMetadata(metadata: Uint8Array, privateKeyPem: string): string {
  const key = createPrivateKey(privateKeyPem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('the update signing key is not an Ed25519 key');
  return sign(null, metadata, key).toString('base64');
}

export function isMetadataSignatureValid(metadata: Uint8Array, signatureText: string, publicKeyPem: string): boolean {
  const signature = Buffer.from(signatureText.trim(), 'base64');
  if (signature.length !== 64) return false;
  return verify(null, metadata, ed25519Public(publicKeyPem), signature);
}

/** What electron-updater will act on: the version and every SHA-512 the signed metadata names. */
export interface VerifiedMetadata {
  version: string;
  sha512: ReadonlySet<string>;
}

/**
 * Reads only the two fields the check needs, line by line, from metadata whose signature has already
 * been verified: electron-builder writes `version:` at the top level and `sha512:` per file and once
 * for the main file.
 */
export function readVerifiedMetadata(text: string): VerifiedMetadata {
  const version = /^version:\s*['"]?([^'"\s]+)['"]?\s*$/m.exec(text)?.[1];
  const sha512 = new Set([...text.matchAll(/^\s*(?:-\s+)?sha512:\s*['"]?([A-Za-z0-9+/=]{80,100})['"]?\s*$/gm)].map((m) => m[1]!));
  if (!version || sha512.size === 0) throw new UpdateRefused('malformed');
  return { version, sha512 };
}

/**
 * True when what electron-updater parsed from its own download of the metadata is covered by the
 * signed copy: same version, and every file it may fetch has a signed SHA-512 (which it checks the
 * download against). A feed that serves one thing to us and another to electron-updater fails here.
 */
export function isCoveredBySignature(
  info: { version: string; files?: readonly { sha512?: string }[]; sha512?: string },
  verified: VerifiedMetadata,
): boolean {
  if (info.version !== verified.version) return false;
  const hashes = [...(info.files ?? []).map((f) => f.sha512), ...(info.sha512 === undefined ? [] : [info.sha512])];
  return hashes.length > 0 && hashes.every((h) => h !== undefined && verified.sha512.has(h));
}

type Fetch = (url: string, init: { redirect: 'error'; cache: 'no-store' }) => Promise<Response>;

async function fetchBytes(fetchImpl: Fetch, url: string, limit: number): Promise<Uint8Array | null> {
  let response: Response;
  try {
    // A redirect could leave https; the administrator's URL is the only place metadata comes from.
    response = await fetchImpl(url, { redirect: 'error', cache: 'no-store' });
  } catch {
    throw new UpdateRefused('fetch');
  }
  if (response.status === 404) return null;
  if (!response.ok) throw new UpdateRefused('fetch');
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > limit) throw new UpdateRefused('too-large');
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.length > limit) throw new UpdateRefused('too-large');
  return bytes;
}

/** Fetch the feed's metadata and its signature, verify, and return what may be installed; throws UpdateRefused. */
export async function fetchVerifiedMetadata(options: {
  feedUrl: string;
  fileName: string;
  publicKeyPem: string;
  fetch: Fetch;
}): Promise<VerifiedMetadata> {
  if (!isAllowedUpdateUrl(options.feedUrl)) throw new UpdateRefused('url');
  const base = options.feedUrl.endsWith('/') ? options.feedUrl : `${options.feedUrl}/`;
  const metadataUrl = new URL(options.fileName, base).href;
  const metadata = await fetchBytes(options.fetch, metadataUrl, MAX_METADATA_BYTES);
  if (!metadata) throw new UpdateRefused('fetch');
  const signature = await fetchBytes(options.fetch, metadataUrl + SIGNATURE_SUFFIX, 1024);
  if (!signature) throw new UpdateRefused('no-signature');
  if (!isMetadataSignatureValid(metadata, Buffer.from(signature).toString('latin1'), options.publicKeyPem)) {
    throw new UpdateRefused('bad-signature');
  }
  return readVerifiedMetadata(Buffer.from(metadata).toString('utf8'));
}
