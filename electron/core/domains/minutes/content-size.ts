import { MAX_CONTENT_BYTES } from '../../../../shared/minutes/document.ts';
import { invalidInput } from '../../errors.ts';

/**
 * Refuses a minutes or notice larger than MAX_CONTENT_BYTES, measured on the canonical JSON the save
 * makes for its hash anyway (a 5 MB paste is a mistake, not minutes).
 */
export function refuseOversize(json: string, what: 'minutes' | 'notice'): void {
  if (json.length <= MAX_CONTENT_BYTES) return;
  throw invalidInput([
    what === 'minutes'
      ? { path: 'content', message: 'Biên bản quá lớn (tối đa 4 MB) — hãy bỏ bớt nội dung dán vào', messageEn: 'The minutes are too large (4 MB at most)' }
      : { path: 'content', message: 'Thông báo quá lớn (tối đa 4 MB) — hãy bỏ bớt nội dung dán vào', messageEn: 'The notice is too large (4 MB at most)' },
  ]);
}
