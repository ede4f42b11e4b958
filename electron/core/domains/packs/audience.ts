import type { PackInspection } from '../../../../shared/contract/index.ts';
import { CoreError } from '../../errors.ts';
import type { PackContent } from './format.ts';
import type { OpenedPack } from './read-pack.ts';
import type { SealingRecipient } from './sealing.ts';

type PersonalKeys = (personIds: string[]) => { personId: string; publicKey: string; fingerprint: string }[];

export interface PackAudience {
  /** Every trusted key of the people who may read the meeting's classified documents. */
  recipients: (SealingRecipient & { name: string })[];
  /** Those people with no trusted key: the pack cannot be sealed to them. */
  withoutKey: string[];
}

/**
 * Who may open the pack's classified documents: the people the meeting names (participants, their
 * delegates, the chair and the secretary), each through every key the secretariat trusts as theirs
 * (Danh bạ → Khóa tin cậy, "ghi chú của" that person). A guest unit or a person with no trusted key
 * cannot be sealed to; they are named so the secretariat can fix it before sending.
 */
export function packAudience(content: PackContent, personalKeys: PersonalKeys): PackAudience {
  const names = new Map(content.people.map((p) => [p.id, p.full_name] as const));
  const ids = new Set<string>();
  const add = (id: string | null) => {
    if (id) ids.add(id);
  };
  for (const p of content.participants) {
    add(p.person_id);
    if (p.rsvp === 'delegated') add(p.rsvp_delegate_id);
  }
  add(content.meeting.chair_person_id);
  add(content.meeting.secretary_person_id);
  const keys = personalKeys([...ids]);
  const withKey = new Set(keys.map((k) => k.personId));
  return {
    recipients: keys.map((k) => ({ ...k, name: names.get(k.personId) ?? k.personId })),
    withoutKey: [...ids].filter((id) => !withKey.has(id)).map((id) => names.get(id) ?? id),
  };
}

export function noRecipients(withoutKey: string[]): CoreError {
  const who = withoutKey.length > 0 ? ` (${withoutKey.slice(0, 5).join(', ')}${withoutKey.length > 5 ? ', …' : ''})` : '';
  return new CoreError(
    'INVALID_STATE',
    {
      vi: `Gói có tài liệu mật nhưng chưa người dự họp nào${who} có khóa được tin cậy để mở chúng. Hãy nhận tệp khóa công khai của thành viên và tin cậy nó cho ghi chú của họ (Danh bạ → Khóa tin cậy), rồi xuất lại gói.`,
      en: `The pack holds classified documents but no participant${who} has a trusted key to open them. Take the members' public-key files and trust each for that member's notes (Directory → Trusted keys), then export the pack again.`,
    },
    { reason: 'no-recipients', withoutKey },
  );
}

/**
 * The pack as this laptop imports it: sealed documents it is not a recipient of are left out, with
 * their attachments (their page texts were sealed with them, so they were never read).
 */
export function withoutWithheld(pack: OpenedPack): { pack: OpenedPack; withheld: PackInspection['withheld'] } {
  if (pack.withheld.size === 0) return { pack, withheld: [] };
  const out = pack.content.documents.filter((d) => pack.withheld.has(d.blob_sha256));
  const outIds = new Set(out.map((d) => d.id));
  const content: PackContent = {
    ...pack.content,
    documents: pack.content.documents.filter((d) => !outIds.has(d.id)),
    attachments: pack.content.attachments.filter((a) => !outIds.has(a.document_id)),
  };
  return {
    pack: { ...pack, content },
    withheld: out.map((d) => ({ id: d.id, fileName: d.file_name, classification: d.classification })),
  };
}
