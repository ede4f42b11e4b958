import { useRef, useState } from 'react';
import type { TrustScope, UploadRef } from '../../../../shared/contract/index.ts';
import { useBridge } from '../../bridge/BridgeContext.tsx';
import { BridgeError } from '../../bridge/BridgeError.ts';
import { errorText } from '../../common/errors.ts';
import { stageUpload } from './stageUpload.ts';

/** What every signed file's inspection says about who signed it. */
export interface SignedInspection {
  signer: { label: string; publicKey: string; fingerprint: string; trusted: boolean };
}

export type SignedFileStep<I> =
  | { kind: 'choose' }
  | { kind: 'uploading'; fileName: string; percent: number }
  | { kind: 'checking'; fileName: string }
  | { kind: 'inspected'; fileName: string; upload: UploadRef; inspection: I }
  | { kind: 'importing'; fileName: string; upload: UploadRef; inspection: I }
  | { kind: 'refused'; fileName: string; code: string; message: string };

export interface SignedFileImportOptions<I extends SignedInspection> {
  /** The core verifies the file and describes it; nothing is stored yet. */
  inspect(upload: UploadRef): Promise<I>;
  /** Stores it, once the user has seen the inspection (and trusted the signer if they had to). */
  commit(upload: UploadRef, inspection: I): Promise<void>;
  /**
   * What the signer's key is trusted for when the user accepts it: a pack's committee, or the
   * person a member's notes key belongs to. Null until the user has said (the import waits).
   */
  trustScope(inspection: I): TrustScope | null;
  onClose(): void;
}

/**
 * The steps of taking in a signed file (a meeting pack, a member's shared notes): stage the upload
 * with progress and cancel, let the core verify it, show who signed it, trust the key only when
 * the user says so, then import. Any refusal ends in a message and nothing stored.
 */
export function useSignedFileImport<I extends SignedInspection>({ inspect, commit, trustScope, onClose }: SignedFileImportOptions<I>) {
  const bridge = useBridge();
  const [step, setStep] = useState<SignedFileStep<I>>({ kind: 'choose' });
  const abort = useRef<AbortController | null>(null);

  function refuse(fileName: string, error: unknown): void {
    setStep({ kind: 'refused', fileName, code: error instanceof BridgeError ? error.code : 'INTERNAL', message: errorText(error) });
  }

  function close(): void {
    abort.current?.abort();
    setStep({ kind: 'choose' });
    onClose();
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
    try {
      setStep({ kind: 'inspected', fileName: file.name, upload, inspection: await inspect(upload) });
    } catch (error) {
      refuse(file.name, error);
    }
  }

  async function accept(): Promise<void> {
    if (step.kind !== 'inspected') return;
    const { upload, inspection, fileName } = step;
    const scope = inspection.signer.trusted ? null : trustScope(inspection);
    if (!inspection.signer.trusted && !scope) return;
    setStep({ kind: 'importing', fileName, upload, inspection });
    try {
      if (scope) await bridge.invoke('keys.trust', { publicKey: inspection.signer.publicKey, label: inspection.signer.label, scope });
      await commit(upload, inspection);
      setStep({ kind: 'choose' });
      onClose();
    } catch (error) {
      refuse(fileName, error);
    }
  }

  const inspected = step.kind === 'inspected' || step.kind === 'importing' ? step : null;
  return {
    step,
    read,
    accept,
    close,
    again: () => setStep({ kind: 'choose' }),
    busy: step.kind === 'uploading' || step.kind === 'checking' || step.kind === 'importing',
    inspected,
    trusted: inspected?.inspection.signer.trusted ?? false,
  };
}
