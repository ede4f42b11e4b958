import { useEffect, useState } from 'react';
import type { CommitteeMember } from '../../../../shared/contract/index.ts';
import { useBridge } from '../../bridge/BridgeContext.tsx';

/** The committee roles the core asks by default: the standing agency (a unit) and secretaries are not. */
const ASKED_ROLES = new Set(['head', 'deputy', 'member']);

export type RecipientCandidates = { status: 'none' } | { status: 'loading' } | { status: 'ready'; people: CommitteeMember[] } | { status: 'failed' };

type Loaded = { committeeId: string; people: CommitteeMember[] | null };

/**
 * The people of a committee who can be asked (a person, as head, deputy or member), read when the
 * committee changes. What was read is kept with the committee it belongs to, so a newly chosen
 * committee shows as loading until its own members arrive.
 */
export function useCommitteeRecipients(committeeId: string | undefined, onLoaded: (people: CommitteeMember[]) => void): RecipientCandidates {
  const bridge = useBridge();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  useEffect(() => {
    if (!committeeId) return;
    let live = true;
    bridge.invoke('committees.get', { id: committeeId }).then(
      (committee) => {
        if (!live) return;
        const people = committee.members.filter((m) => m.personId !== null && ASKED_ROLES.has(m.role));
        setLoaded({ committeeId, people });
        onLoaded(people);
      },
      () => {
        if (live) setLoaded({ committeeId, people: null });
      },
    );
    return () => {
      live = false;
    };
    // onLoaded is the form's "tick everyone" on a new committee, not a reason to read again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [bridge, committeeId]);
  if (!committeeId) return { status: 'none' };
  if (loaded?.committeeId !== committeeId) return { status: 'loading' };
  return loaded.people ? { status: 'ready', people: loaded.people } : { status: 'failed' };
}
