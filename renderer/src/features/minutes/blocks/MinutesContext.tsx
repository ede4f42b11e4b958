import { createContext, useContext } from 'react';
import type { Participant } from '../../../../../shared/contract/index.ts';
import type { PassRule } from '../../../../../shared/room/tally.ts';

export interface MinutesContextValue {
  meetingId: string;
  /** Who may be picked as a speaker: the meeting's participants. */
  participants: readonly Participant[];
  /** Members with a vote and, of them, those attending (the attendance), for a vote's result; null before any is known. */
  attendance: { members: number; attending: number } | null;
  /** How the committee's votes pass, by its working rules: offered first for a vote's result. */
  passRule: PassRule | null;
  /** The committee's rules give an exact tie to the side the chair voted for. */
  tieToChair: boolean;
}

const Context = createContext<MinutesContextValue>({ meetingId: '', participants: [], attendance: null, passRule: null, tieToChair: false });

export const MinutesContextProvider = Context.Provider;

/** What the blocks inside the editor need to know about the meeting. */
export function useMinutesContext(): MinutesContextValue {
  return useContext(Context);
}
