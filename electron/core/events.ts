import type { CoreEvent, CoreEvents, EventName } from '../../shared/contract/index.ts';

export type EventListener = (event: CoreEvent) => void;

/** Fan-out of push events to every host; one failing listener never stops the others. */
export class EventBus {
  readonly #listeners = new Set<EventListener>();
  readonly #onListenerError: (err: unknown) => void;

  constructor(onListenerError: (err: unknown) => void) {
    this.#onListenerError = onListenerError;
  }

  subscribe(listener: EventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  emit<E extends EventName>(event: E, payload: CoreEvents[E]): void {
    const message = { event, payload } as CoreEvent;
    for (const l of [...this.#listeners]) {
      try {
        l(message);
      } catch (err) {
        this.#onListenerError(err);
      }
    }
  }

  clear(): void {
    this.#listeners.clear();
  }
}
