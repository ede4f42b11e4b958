import { foldText } from '../../../shared/contract/index.ts';

/** "Họp Ban Chỉ đạo quý I" → "hop-ban-chi-dao-quy-i": file names that survive every mail system and USB stick. */
export function fileSlug(text: string, max = 60): string {
  const slug = foldText(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= max) return slug || 'cuoc-hop';
  // Cut at a word boundary when there is one.
  const dash = slug.lastIndexOf('-', max);
  return slug.slice(0, dash > 0 ? dash : max);
}
