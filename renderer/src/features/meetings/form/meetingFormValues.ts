import type { Dayjs } from 'dayjs';
import type { Classification, MeetingDetail, MethodInput } from '../../../../../shared/contract/index.ts';
import { dayjsToInstant, instantToDayjs } from '../../../common/dayjsTime.ts';

export interface MeetingFormValues {
  committeeId: string | undefined;
  kindCode: string | undefined;
  title: string;
  startsAt: Dayjs | null;
  endsAt: Dayjs | null;
  roomId: string | null;
  online: boolean;
  bridgePoints: Array<{ name?: string; location?: string | null }>;
  chairPersonId: string | null;
  secretaryPersonId: string | null;
  chairingOrgId: string | null;
  classification: Classification;
  description: string;
}

export const MEETING_FORM_FIELDS = [
  'committeeId',
  'kindCode',
  'title',
  'startsAt',
  'endsAt',
  'roomId',
  'online',
  'bridgePoints',
  'chairPersonId',
  'secretaryPersonId',
  'chairingOrgId',
  'classification',
  'description',
] as const;

export function valuesOf(meeting: MeetingDetail): MeetingFormValues {
  return {
    committeeId: meeting.committee.id,
    kindCode: meeting.kind.code,
    title: meeting.title,
    startsAt: instantToDayjs(meeting.startsAt),
    endsAt: instantToDayjs(meeting.endsAt),
    roomId: meeting.room?.id ?? null,
    online: meeting.online,
    bridgePoints: meeting.bridgePoints.map((b) => ({ name: b.name, location: b.location })),
    chairPersonId: meeting.chair?.id ?? null,
    secretaryPersonId: meeting.secretary?.id ?? null,
    chairingOrgId: meeting.chairingOrg?.id ?? null,
    classification: meeting.classification,
    description: meeting.description ?? '',
  };
}

type CreateInput = MethodInput<'meetings.create'>;

/** What the core takes; the form's rules have already made sure the required parts are there. */
export function inputOf(v: MeetingFormValues): CreateInput {
  return {
    committeeId: v.committeeId ?? '',
    kindCode: v.kindCode ?? '',
    title: v.title ?? '',
    startsAt: v.startsAt ? dayjsToInstant(v.startsAt) : '',
    endsAt: v.endsAt ? dayjsToInstant(v.endsAt) : '',
    roomId: v.roomId ?? null,
    online: v.online,
    bridgePoints: v.online
      ? (v.bridgePoints ?? [])
          .filter((b) => (b.name ?? '').trim() !== '')
          .map((b) => ({ name: (b.name ?? '').trim(), location: b.location?.trim() || null }))
      : [],
    chairPersonId: v.chairPersonId ?? null,
    secretaryPersonId: v.secretaryPersonId ?? null,
    chairingOrgId: v.chairingOrgId ?? null,
    classification: v.classification,
    description: v.description?.trim() || null,
  };
}

/**
 * Only the fields that differ from the saved meeting: once published, every field sent is a
 * change members are told about, so an untouched field must not travel.
 */
export function changedFields(before: CreateInput, after: CreateInput): Partial<CreateInput> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(after) as Array<keyof CreateInput>) {
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null)) out[key] = after[key];
  }
  // The core checks the end against the start it is given: a moved meeting travels whole.
  if ('startsAt' in out || 'endsAt' in out) {
    out['startsAt'] = after.startsAt;
    out['endsAt'] = after.endsAt;
  }
  return out as Partial<CreateInput>;
}
