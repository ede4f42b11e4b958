import { createHash } from 'node:crypto';
import yazl from 'yazl';
import type { SigningIdentity } from '../../directory/index.ts';
import {
  ANNOTATIONS,
  MANIFEST,
  SHARED_FORMAT,
  SHARED_VERSION,
  SIGNATURE,
  type SharedAnnotation,
  type SharedManifest,
} from './format.ts';

/** The bytes of a signed shared-notes file (small: notes only, never the PDF). */
export async function writeSharedNotes(
  document: SharedManifest['document'],
  annotations: SharedAnnotation[],
  signer: SigningIdentity,
  now: Date,
): Promise<Buffer> {
  const notes = Buffer.from(JSON.stringify(annotations), 'utf8');
  const manifest: SharedManifest = {
    format: SHARED_FORMAT,
    version: SHARED_VERSION,
    createdAt: now.toISOString(),
    document,
    author: {
      profileId: signer.profileId,
      fullName: signer.label.fullName,
      position: signer.label.position,
      unitName: signer.label.unitName,
      publicKey: signer.publicKey,
      fingerprint: signer.fingerprint,
    },
    count: annotations.length,
    annotations: { path: ANNOTATIONS, size: notes.length, sha256: createHash('sha256').update(notes).digest('hex') },
  };
  const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 2), 'utf8');
  const zip = new yazl.ZipFile();
  zip.addBuffer(manifestBytes, MANIFEST);
  zip.addBuffer(Buffer.from(signer.sign(manifestBytes).toString('base64'), 'utf8'), SIGNATURE);
  zip.addBuffer(notes, ANNOTATIONS);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
