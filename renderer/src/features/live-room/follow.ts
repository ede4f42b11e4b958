/**
 * Whether this laptop's reader moves with the presenter (the member's choice, kept across screens of
 * one sitting): on, the document and page follow; off, the member reads freely and can jump back.
 */
const KEY = 'nghisu.room.follow';

export function following(): boolean {
  return window.sessionStorage.getItem(KEY) === '1';
}

export function setFollowing(on: boolean): void {
  window.sessionStorage.setItem(KEY, on ? '1' : '0');
}
