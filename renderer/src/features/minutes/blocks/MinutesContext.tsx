import { createContext, useContext } from 'react';
import type { Participant } from '../../../../../shared/contract/index.ts';

export interface MinutesContextValue {
  meetingId: string;
  /** Who may be picked as a speaker: the meeting's participants. */
  participants: readonly Participant[];
}

const Context = createContext<MinutesContextValue>({ meetingId: '', participants: [] });

export const MinutesContextProvider = Context.Provider;

/** What the blocks inside the editor need to know about the meeting. */
export function useMinutesContext(): MinutesContextValue {
  return useContext(Context);
}
