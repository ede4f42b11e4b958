import type { vi } from './vi.ts';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** The shape every language file must have: the same keys as vi.ts, any wording. */
export type Messages = Widen<typeof vi>;
