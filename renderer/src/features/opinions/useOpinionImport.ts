import { useRef, useState } from 'react';
import type { OpinionImportResult, TrustScope, UploadRef } from '../../../../shared/contract/index.ts';
import { useBridge } from '../../bridge/BridgeContext.tsx';
import { BridgeError } from '../../bridge/BridgeError.ts';
import { errorText } from '../../common/errors.ts';
import { stageUpload } from '../signed-files/stageUpload.ts';

/** Who signed a file whose key is not trusted yet, as the core's PACK_UNTRUSTED refusal names it. */
export interface UntrustedSigner {
  label: string;
  fingerprint: string;
  publicKey: string;
  /** A request file: the committee its signer would be trusted for. Absent for an answers file. */
  committee: { id: string; name: string } | null;
}

export type ImportStep =
  | { kind: 'choose' }
  | { kind: 'uploading'; fileName: string; percent: number }
  | { kind: 'checking'; fileName: string }
  | { kind: 'untrusted'; fileName: string; upload: UploadRef; signer: UntrustedSigner }
  | { kind: 'trusting'; fileName: string; upload: UploadRef; signer: UntrustedSigner }
  | { kind: 'refused'; fileName: string; code: string; message: string };

/**
 * The core has no inspect-before-import for written-opinions files: it verifies and imports in one
 * call, refusing with the signer's key when that key is not trusted. So the refusal *is* the
 * inspection: the staged upload stays (the core releases it only on success), the user compares
 * the fingerprint, and the same upload is imported again once the key is trusted.
 */
function untrustedSigner(error: unknown): UntrustedSigner | null {
  if (!(error instanceof BridgeError) || error.code !== 'PACK_UNTRUSTED') return null;
  const d = error.details as Partial<Record<'label' | 'fingerprint' | 'publicKey' | 'committeeId' | 'committeeName', string>> | undefined;
  // "Signed by someone who was not asked" carries no key: nothing to trust, a plain refusal.
  if (!d?.publicKey || !d.fingerprint) return null;
  return {
    label: d.label ?? '',
    fingerprint: d.fingerprint,
    publicKey: d.publicKey,
    committee: d.committeeId ? { id: d.committeeId, name: d.committeeName ?? '' } : null,
  };
}

export function useOpinionImport(onImported: (result: OpinionImportResult) => void, onClose: () => void) {
  const bridge = useBridge();
  const [step, setStep] = useState<ImportStep>({ kind: 'choose' });
  const abort = useRef<AbortController | null>(null);

  const refuse = (fileName: string, error: unknown) =>
    setStep({ kind: 'refused', fileName, code: error instanceof BridgeError ? error.code : 'INTERNAL', message: errorText(error) });

  async function tryImport(fileName: string, upload: UploadRef): Promise<void> {
    try {
      const result = await bridge.invoke('opinions.import', { upload });
      setStep({ kind: 'choose' });
      onImported(result);
    } catch (error) {
      const signer = untrustedSigner(error);
      if (signer) setStep({ kind: 'untrusted', fileName, upload, signer });
      else refuse(fileName, error);
    }
  }

  async function read(file: File): Promise<void> {
    let upload: UploadRef | 'cancelled';
    try {
      upload = await stageUpload(bridge, file, abort, (percent) => setStep({ kind: 'uploading', fileName: file.name, percent }));
    } catch (error) {
      refuse(file.name, error);
      return;
    }
    if (upload === 'cancelled') {
      setStep({ kind: 'choose' });
      return;
    }
    setStep({ kind: 'checking', fileName: file.name });
    await tryImport(file.name, upload);
  }

  /** The user compared the fingerprint: trust the key (for the committee, or as `personId`'s) and import again. */
  async function trustAndImport(personId: string | null): Promise<void> {
    if (step.kind !== 'untrusted') return;
    const { fileName, upload, signer } = step;
    const scope: TrustScope | null = signer.committee
      ? { purpose: 'pack', committeeId: signer.committee.id, committeeName: signer.committee.name || undefined }
      : personId
        ? { purpose: 'notes', personId }
        : null;
    if (!scope) return;
    setStep({ kind: 'trusting', fileName, upload, signer });
    try {
      await bridge.invoke('keys.trust', { publicKey: signer.publicKey, label: signer.label || signer.fingerprint, scope });
    } catch (error) {
      refuse(fileName, error);
      return;
    }
    await tryImport(fileName, upload);
  }

  function close(): void {
    abort.current?.abort();
    setStep({ kind: 'choose' });
    onClose();
  }

  return {
    step,
    read,
    trustAndImport,
    close,
    again: () => setStep({ kind: 'choose' }),
    busy: step.kind === 'uploading' || step.kind === 'checking' || step.kind === 'trusting',
  };
}
