/**
 * Signs the update metadata electron-builder wrote (latest.yml, latest-linux.yml, latest-mac.yml) so
 * installed apps accept it: `npm run sign-update -- release/` writes <file>.sig next to each one.
 * Publish the .sig files with the metadata and the installers.
 *
 * The private key is never in the repository: NGHISU_UPDATE_SIGNING_KEY_FILE names a PKCS#8 PEM file,
 * or NGHISU_UPDATE_SIGNING_KEY holds the PEM text (a CI secret). Each signature is checked against
 * resources/update-signing-key.pem, the public key the app ships, so a wrong key fails here rather
 * than on every laptop.
 *
 * `npm run sign-update -- --generate-key FILE` makes a new key pair: the private key goes to FILE
 * (mode 0600, never overwritten), the public key is printed for resources/update-signing-key.pem.
 */
import { generateKeyPairSync } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { isMetadataSignatureValid, SIGNATURE_SUFFIX, signMetadata } from '../electron/core/updates/metadata-signature.ts';

// Overridable only for this script's own test; the app always uses the shipped file.
const PUBLIC_KEY_FILE = process.env['NGHISU_UPDATE_PUBLIC_KEY_FILE'] || join(import.meta.dirname, '../resources/update-signing-key.pem');

function fail(message: string): never {
  console.error(`sign-update: ${message}`);
  process.exit(1);
}

function privateKeyPem(): string {
  const file = process.env['NGHISU_UPDATE_SIGNING_KEY_FILE'];
  if (file) return readFileSync(file, 'utf8');
  const text = process.env['NGHISU_UPDATE_SIGNING_KEY'];
  if (text) return text;
  return fail('set NGHISU_UPDATE_SIGNING_KEY_FILE (a PEM file) or NGHISU_UPDATE_SIGNING_KEY (PEM text)');
}

function metadataFiles(target: string): string[] {
  if (!statSync(target).isDirectory()) return [target];
  const found = readdirSync(target)
    .filter((name) => /^latest.*\.yml$/.test(name))
    .map((name) => join(target, name));
  if (found.length === 0) fail(`no latest*.yml in ${target}`);
  return found;
}

const args = process.argv.slice(2);
if (args[0] === '--generate-key') {
  const out = args[1] ?? fail('--generate-key needs the file for the private key');
  const pair = generateKeyPairSync('ed25519');
  writeFileSync(out, pair.privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  process.stdout.write(pair.publicKey.export({ type: 'spki', format: 'pem' }));
} else {
  if (args.length === 0) fail('usage: sign-update FOLDER|FILE… | --generate-key FILE');
  const key = privateKeyPem();
  const shipped = readFileSync(PUBLIC_KEY_FILE, 'utf8');
  for (const file of args.flatMap(metadataFiles)) {
    const metadata = readFileSync(file);
    const signature = signMetadata(metadata, key);
    if (!isMetadataSignatureValid(metadata, signature, shipped)) {
      fail(`the signing key does not match ${basename(PUBLIC_KEY_FILE)}: the app would refuse this update`);
    }
    writeFileSync(file + SIGNATURE_SUFFIX, `${signature}\n`);
    console.log(`signed ${file}`);
  }
}
