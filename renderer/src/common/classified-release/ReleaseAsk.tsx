import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';
import { classification as classificationSchema, type Classification, type FileTarget, type ReleaseClassified } from '../../../../shared/contract/index.ts';
import { BridgeError } from '../../bridge/BridgeError.ts';
import { ReleaseClassifiedDialog, type ReleasePurpose } from './ReleaseClassifiedDialog.tsx';

/** For a pack: who will be able to open its classified documents (sealed to their keys), and who will not. */
export interface SealedAudience {
  recipients: string[];
  withoutKey: string[];
}

/** Shows the release dialog and resolves with the user's reason, or null when they cancel. */
export type AskRelease = (classification: Classification, purpose: ReleasePurpose, audience?: SealedAudience) => Promise<ReleaseClassified | null>;

const ReleaseAskContext = createContext<AskRelease | null>(null);

interface Pending {
  classification: Classification;
  purpose: ReleasePurpose;
  audience: SealedAudience | undefined;
  resolve: (release: ReleaseClassified | null) => void;
}

/**
 * One release dialog for the whole app, so any screen that hands a stored file over (open with,
 * save a copy) can ask for the reason without carrying a dialog of its own.
 */
export function ReleaseAskProvider({ children }: { children: ReactNode }) {
  const [pending, setPending] = useState<Pending | null>(null);
  const ask = useCallback<AskRelease>(
    (classification, purpose, audience) =>
      new Promise((resolve) => {
        setPending({ classification, purpose, audience, resolve });
      }),
    [],
  );
  const settle = (release: ReleaseClassified | null) => {
    pending?.resolve(release);
    setPending(null);
  };
  return (
    <ReleaseAskContext.Provider value={ask}>
      {children}
      {pending && (
        <ReleaseClassifiedDialog
          classification={pending.classification}
          purpose={pending.purpose}
          audience={pending.audience}
          onCancel={() => settle(null)}
          onConfirm={(release) => settle(release)}
        />
      )}
    </ReleaseAskContext.Provider>
  );
}

export function useAskRelease(): AskRelease {
  const ask = useContext(ReleaseAskContext);
  if (!ask) throw new Error('useAskRelease outside ReleaseAskProvider');
  return ask;
}

export type Released<T> = { declined: true } | { declined: false; value: T; release: ReleaseClassified | undefined };

/** The level the core named when it refused classified content without a release. */
function refusedLevel(error: unknown): Classification | null {
  if (!(error instanceof BridgeError) || error.code !== 'CLASSIFIED') return null;
  const parsed = classificationSchema.safeParse((error.details as { classification?: unknown } | null | undefined)?.classification);
  return parsed.success ? parsed.data : null;
}

const names = (v: unknown): string[] | null => (Array.isArray(v) && v.every((n) => typeof n === 'string') ? v : null);

/** For a pack, whom the core will seal the classified documents to, as it said with the refusal. */
function sealedAudience(error: unknown): SealedAudience | undefined {
  const details = (error as BridgeError).details as { recipients?: unknown; withoutKey?: unknown } | null | undefined;
  const recipients = names(details?.recipients);
  const withoutKey = names(details?.withoutKey);
  return recipients && withoutKey ? { recipients, withoutKey } : undefined;
}

/**
 * Runs `call` without a release; when the core answers that classified content needs one, asks the
 * user for the reason and runs it once more with it. Declining the dialog is not an error.
 */
export async function withRelease<T>(ask: AskRelease, purpose: ReleasePurpose, call: (release: ReleaseClassified | undefined) => Promise<T>): Promise<Released<T>> {
  try {
    return { declined: false, value: await call(undefined), release: undefined };
  } catch (error) {
    const level = refusedLevel(error);
    if (!level) throw error;
    const release = await ask(level, purpose, sealedAudience(error));
    if (!release) return { declined: true };
    return { declined: false, value: await call(release), release };
  }
}

export type HandOverOutcome<T> = { declined: true } | { declined: false; value: T; target: FileTarget };

/**
 * Hands a stored file over, asking for the release when the core wants one. `target` in the outcome
 * is the one that went through, so a follow-up call (the "open it anyway" confirmation) does not ask twice.
 */
export async function handOverReleased<T>(
  ask: AskRelease,
  purpose: ReleasePurpose,
  target: FileTarget,
  call: (target: FileTarget) => Promise<T>,
): Promise<HandOverOutcome<T>> {
  if (target.kind !== 'blob') return { declined: false, value: await call(target), target };
  const withTarget = (release: ReleaseClassified | undefined): FileTarget => (release ? { ...target, releaseClassified: release } : target);
  const outcome = await withRelease(ask, purpose, (release) => call(withTarget(release)));
  return outcome.declined ? outcome : { declined: false, value: outcome.value, target: withTarget(outcome.release) };
}
