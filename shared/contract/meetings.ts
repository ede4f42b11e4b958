import { z } from 'zod';
import type { PassRule } from '../room/tally.ts';
import { classification, id, instant, optionalText, paging, requiredText, type Classification, type ExportedFile, type Page } from './common.ts';
import { catalogCode } from './directory.ts';
import type { LocalizedText } from './errors.ts';
import type { MethodSpecs } from './method-spec.ts';

/**
 * Meetings (cuộc họp / phiên họp): the meeting itself, its agenda (chương trình), participants
 * (thành phần) with invitations and attendance, and the files made from them (.ics, giấy mời,
 * attendance list). Times are UTC instants; the core shows them in Asia/Ho_Chi_Minh.
 *
 * Editing rules the UI can rely on:
 * - a draft changes freely; from `published` on, every change of the meeting, its agenda or its
 *   participants bumps `revision` and is listed in `MeetingDetail.changes` ("changed since your pack");
 * - an archived meeting, or one imported from a pack (origin 'pack'), refuses every change (INVALID_STATE);
 * - double bookings of the chair or the room are warnings, never errors.
 */

// ---------------------------------------------------------------------------------------------
// Enumerations and their labels

/** Nháp → Đã phát hành → Đang họp → Đã kết thúc → Đã lưu trữ. */
export const meetingStatus = z.enum(['draft', 'published', 'in_progress', 'ended', 'archived']);
export type MeetingStatus = z.infer<typeof meetingStatus>;

export const meetingStatusLabels: Record<MeetingStatus, LocalizedText> = {
  draft: { vi: 'Nháp', en: 'Draft' },
  published: { vi: 'Đã phát hành', en: 'Published' },
  in_progress: { vi: 'Đang họp', en: 'In progress' },
  ended: { vi: 'Đã kết thúc', en: 'Ended' },
  archived: { vi: 'Đã lưu trữ', en: 'Archived' },
};

/**
 * The only status changes allowed. There is no way back to draft: members may already hold the
 * published pack, so later changes are recorded instead. A finished meeting is archived, never deleted.
 */
export const meetingTransitions: Record<MeetingStatus, readonly MeetingStatus[]> = {
  draft: ['published'],
  published: ['in_progress'],
  in_progress: ['ended'],
  ended: ['archived'],
  archived: [],
};

/** Chủ trì, thành viên, khách mời, thư ký. Units (organizations) can only be members or guests. */
export const participantRole = z.enum(['chair', 'member', 'guest', 'secretary']);
export type ParticipantRole = z.infer<typeof participantRole>;

export const participantRoleLabels: Record<ParticipantRole, LocalizedText> = {
  chair: { vi: 'Chủ trì', en: 'Chair' },
  member: { vi: 'Thành viên', en: 'Member' },
  guest: { vi: 'Khách mời', en: 'Guest' },
  secretary: { vi: 'Thư ký', en: 'Secretary' },
};

/** The answer to the invitation, before the meeting. */
export const rsvpStatus = z.enum(['invited', 'confirmed', 'declined', 'delegated']);
export type RsvpStatus = z.infer<typeof rsvpStatus>;

export const rsvpStatusLabels: Record<RsvpStatus, LocalizedText> = {
  invited: { vi: 'Đã mời', en: 'Invited' },
  confirmed: { vi: 'Xác nhận tham dự', en: 'Confirmed' },
  declined: { vi: 'Báo vắng', en: 'Declined' },
  delegated: { vi: 'Ủy quyền', en: 'Delegated' },
};

/** Attendance on the day (điểm danh); null = not marked yet. */
export const attendanceStatus = z.enum(['present', 'late', 'absent', 'delegated']);
export type AttendanceStatus = z.infer<typeof attendanceStatus>;

export const attendanceStatusLabels: Record<AttendanceStatus, LocalizedText> = {
  present: { vi: 'Có mặt', en: 'Present' },
  late: { vi: 'Đến muộn', en: 'Late' },
  absent: { vi: 'Vắng', en: 'Absent' },
  delegated: { vi: 'Ủy quyền', en: 'Delegated' },
};

/** Statuses in which attendance may be taken. */
export const attendanceOpenStatuses: readonly MeetingStatus[] = ['published', 'in_progress', 'ended'];

/** Longest meeting accepted (a typo in the year must not create a year-long meeting). */
export const MEETING_MAX_DAYS = 31;
/** Widest range one calendar query may ask for. */
export const CALENDAR_MAX_DAYS = 366;
/** Agenda depth: items and their sub-items. */
export const AGENDA_MAX_DEPTH = 2;
/** Longest planned duration of one agenda item, in minutes. */
export const AGENDA_MAX_MINUTES = 1440;

// ---------------------------------------------------------------------------------------------
// Inputs

const DAY_MS = 24 * 3600_000;
/**
 * An instant in one canonical form (2026-01-05T01:00:00.000Z): times are compared as text in SQL,
 * where "…00Z" and "…00.000Z" would sort apart though they are the same moment.
 */
const utc = instant.transform((v) => new Date(v).toISOString());
const nullableId = id.nullish().transform((v) => v ?? null);
const byId = z.object({ id }).strict();
const byMeeting = z.object({ meetingId: id }).strict();

function checkTimes(v: { startsAt?: string | undefined; endsAt?: string | undefined }, ctx: z.RefinementCtx) {
  if (v.startsAt === undefined || v.endsAt === undefined) return;
  const ms = Date.parse(v.endsAt) - Date.parse(v.startsAt);
  if (ms <= 0) {
    ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'Thời gian kết thúc phải sau thời gian bắt đầu / the end must be after the start' });
  } else if (ms > MEETING_MAX_DAYS * DAY_MS) {
    ctx.addIssue({
      code: 'custom',
      path: ['endsAt'],
      message: `Cuộc họp kéo dài tối đa ${MEETING_MAX_DAYS} ngày / a meeting lasts at most ${MEETING_MAX_DAYS} days`,
    });
  }
}

function checkRange(max: number | null) {
  return (v: { from?: string | undefined; to?: string | undefined }, ctx: z.RefinementCtx) => {
    if (v.from === undefined || v.to === undefined) return;
    const ms = Date.parse(v.to) - Date.parse(v.from);
    if (ms <= 0) ctx.addIssue({ code: 'custom', path: ['to'], message: 'Ngày kết thúc phải sau ngày bắt đầu / "to" must be after "from"' });
    else if (max !== null && ms > max * DAY_MS) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: `Khoảng thời gian tối đa ${max} ngày / at most ${max} days` });
    }
  };
}

/** Điểm cầu of an online meeting, e.g. "Điểm cầu UBND huyện Bát Xát". */
export const bridgePointInput = z.object({ name: requiredText(200), location: optionalText(300) }).strict();

/** Every editable field of a meeting, without defaults (so a partial update leaves absent fields alone). */
const meetingFields = {
  committeeId: id,
  /** A `meeting_kind` catalog code: regular (thường kỳ), thematic (chuyên đề), extraordinary (đột xuất)… */
  kindCode: catalogCode,
  title: requiredText(500),
  startsAt: utc,
  endsAt: utc,
  roomId: nullableId,
  online: z.boolean(),
  /** Replaces the whole list, in this order. */
  bridgePoints: z.array(bridgePointInput).max(100),
  /**
   * Người chủ trì (a person of the directory): shown on the meeting, invitations and booking checks.
   * Not added to the participants by itself; `participants.add` / `participants.addCommittee` do that.
   */
  chairPersonId: nullableId,
  secretaryPersonId: nullableId,
  /** Đơn vị chủ trì (filterable in the list). */
  chairingOrgId: nullableId,
  classification,
  description: optionalText(5000),
};

const createMeetingInput = z
  .object({
    ...meetingFields,
    online: meetingFields.online.default(false),
    bridgePoints: meetingFields.bridgePoints.default([]),
    classification: classification.default('normal'),
  })
  .strict()
  .superRefine(checkTimes);

/** Absent = unchanged; null (or blank text) = cleared (hence `.optional()` outside each nullable field). */
const updateMeetingInput = z
  .object({
    id,
    committeeId: meetingFields.committeeId.optional(),
    kindCode: meetingFields.kindCode.optional(),
    title: meetingFields.title.optional(),
    startsAt: meetingFields.startsAt.optional(),
    endsAt: meetingFields.endsAt.optional(),
    roomId: meetingFields.roomId.optional(),
    online: meetingFields.online.optional(),
    bridgePoints: meetingFields.bridgePoints.optional(),
    chairPersonId: meetingFields.chairPersonId.optional(),
    secretaryPersonId: meetingFields.secretaryPersonId.optional(),
    chairingOrgId: meetingFields.chairingOrgId.optional(),
    classification: classification.optional(),
    description: meetingFields.description.optional(),
  })
  .strict()
  .superRefine(checkTimes);

const listMeetingsInput = z
  .object({
    /** Meetings overlapping [from, to). */
    from: utc.optional(),
    to: utc.optional(),
    statuses: z.array(meetingStatus).min(1).max(5).optional(),
    committeeId: id.optional(),
    /** Đơn vị chủ trì. */
    chairingOrgId: id.optional(),
    /** Words of the title, accents and đ ignored: "hop ban chi dao" finds "Họp Ban Chỉ đạo". */
    query: z.string().trim().max(200).optional(),
    /** By start time; 'desc' (newest first) unless asked. */
    order: z.enum(['asc', 'desc']).default('desc'),
    ...paging,
  })
  .strict()
  .superRefine(checkRange(null));

const calendarInput = z
  .object({
    /** Meetings overlapping [from, to): the first and the day after the last cell of the grid. */
    from: utc,
    to: utc,
    committeeId: id.optional(),
    statuses: z.array(meetingStatus).min(1).max(5).optional(),
  })
  .strict()
  .superRefine(checkRange(CALENDAR_MAX_DAYS));

const checkBookingInput = z
  .object({
    startsAt: utc,
    endsAt: utc,
    chairPersonId: id.optional(),
    roomId: id.optional(),
    /** The meeting being edited, so it does not clash with itself. */
    excludeMeetingId: id.optional(),
  })
  .strict()
  .superRefine(checkTimes);

/** Trình bày: a person or a unit. */
export const presenterInput = z.union([z.object({ personId: id }).strict(), z.object({ organizationId: id }).strict()]);
export type PresenterInput = z.infer<typeof presenterInput>;

const duration = z.number().int().min(0).max(AGENDA_MAX_MINUTES);

const addAgendaInput = z
  .object({
    meetingId: id,
    /** A top-level item of the same meeting to add a sub-item under; absent = a top-level item. */
    parentId: nullableId,
    title: requiredText(500),
    description: optionalText(5000),
    presenter: presenterInput.nullish().transform((v) => v ?? null),
    /** Đơn vị chuẩn bị tài liệu. */
    preparingOrgId: nullableId,
    durationMinutes: duration.default(0),
  })
  .strict();

const updateAgendaInput = z
  .object({
    id,
    title: requiredText(500).optional(),
    description: optionalText(5000).optional(),
    presenter: presenterInput.nullable().optional(),
    preparingOrgId: nullableId.optional(),
    durationMinutes: duration.optional(),
    /** Kết quả / kết luận of the item, once discussed. */
    outcome: optionalText(5000).optional(),
  })
  .strict();

const moveAgendaInput = z
  .object({
    id,
    /** The new parent (a top-level item), or null to make it a top-level item. */
    parentId: id.nullable(),
    /** 0-based place among the new siblings; past the end means last. */
    index: z.number().int().min(0).max(10_000),
  })
  .strict();

const addParticipantInput = z
  .object({
    meetingId: id,
    personId: id.optional(),
    organizationId: id.optional(),
    role: participantRole.default('member'),
  })
  .strict()
  .superRefine((v, ctx) => {
    if ((v.personId === undefined) === (v.organizationId === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'Chọn một cán bộ hoặc một cơ quan, đơn vị / choose either a person or a unit' });
    } else if (v.organizationId !== undefined && (v.role === 'chair' || v.role === 'secretary')) {
      ctx.addIssue({
        code: 'custom',
        path: ['role'],
        message: 'Cơ quan, đơn vị chỉ là thành viên hoặc khách mời / a unit can only be a member or a guest',
      });
    }
  });

const setRsvpInput = z
  .object({
    id,
    rsvp: rsvpStatus,
    /** Lý do: required when declined, optional when delegated, refused otherwise. */
    reason: optionalText(500),
    /** For 'delegated': the person from the directory who comes instead… */
    delegatePersonId: id.optional(),
    /** …or their name as written, when they are not in the directory. */
    delegateName: optionalText(200),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.rsvp === 'declined' && !v.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Cần ghi lý do vắng / a reason is required' });
    }
    if (v.reason && v.rsvp !== 'declined' && v.rsvp !== 'delegated') {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Chỉ ghi lý do khi báo vắng hoặc ủy quyền / a reason only goes with declined or delegated' });
    }
    const delegates = (v.delegatePersonId ? 1 : 0) + (v.delegateName ? 1 : 0);
    if (v.rsvp === 'delegated' && delegates !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['delegatePersonId'],
        message: 'Chọn đúng một người được ủy quyền (trong danh bạ hoặc ghi tên) / give exactly one delegate (a person or a name)',
      });
    }
    if (v.rsvp !== 'delegated' && delegates > 0) {
      ctx.addIssue({ code: 'custom', path: ['delegatePersonId'], message: 'Chỉ chọn người được ủy quyền khi ủy quyền / a delegate only goes with delegated' });
    }
  });

const setAttendanceInput = z
  .object({
    participantId: id,
    /** null clears the mark. */
    attendance: attendanceStatus.nullable(),
    /** Required for 'absent'. */
    absenceReason: optionalText(500),
    /** Who came instead; required for 'delegated'. */
    delegateName: optionalText(200),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.attendance === 'absent' && !v.absenceReason) {
      ctx.addIssue({ code: 'custom', path: ['absenceReason'], message: 'Cần ghi lý do vắng / a reason is required' });
    }
    if (v.attendance !== 'absent' && v.absenceReason) {
      ctx.addIssue({ code: 'custom', path: ['absenceReason'], message: 'Chỉ ghi lý do khi vắng / a reason only goes with absent' });
    }
    if (v.attendance === 'delegated' && !v.delegateName) {
      ctx.addIssue({ code: 'custom', path: ['delegateName'], message: 'Cần ghi tên người dự thay / the delegate’s name is required' });
    }
    if (v.attendance !== 'delegated' && v.delegateName) {
      ctx.addIssue({ code: 'custom', path: ['delegateName'], message: 'Chỉ ghi người dự thay khi ủy quyền / a delegate only goes with delegated' });
    }
  });

/** One invitee's invitation, or (participantId absent) everyone's. */
const invitationInput = z.object({ meetingId: id, participantId: id.optional() }).strict();

export const meetingsMethods = {
  /** The meetings list screen: filtered, paged, ordered by start. */
  'meetings.list': { access: 'ui', input: listMeetingsInput },
  /** Month and week grids: every meeting overlapping the range, oldest first. */
  'meetings.calendar': { access: 'ui', input: calendarInput },
  /** Everything about one meeting (NOT_FOUND when unknown). */
  'meetings.get': { access: 'ui', input: byId },
  /** A new draft; warns about double bookings. */
  'meetings.create': { access: 'ui', input: createMeetingInput },
  /** Change fields of a meeting; recorded once published; archived → INVALID_STATE. */
  'meetings.update': { access: 'ui', input: updateMeetingInput },
  /**
   * "Lên lịch phiên tiếp theo": a new draft with the same committee, kind, title, room, chair,
   * secretary, bridge points, classification, agenda and participants (answers and attendance reset,
   * no documents). Starts at `startsAt`, or a week later at the same local time.
   */
  'meetings.clone': { access: 'ui', input: z.object({ id, startsAt: utc.optional() }).strict() },
  /** Only drafts can be deleted (INVALID_STATE otherwise: archive instead). */
  'meetings.delete': { access: 'ui', input: byId },
  /** Move along `meetingTransitions`; publishing needs an agenda item and a participant. */
  'meetings.setStatus': { access: 'ui', input: z.object({ id, status: meetingStatus }).strict() },
  /** Other meetings that clash with the chair or the room in this time (for the form, while typing). */
  'meetings.checkBooking': { access: 'ui', input: checkBookingInput },

  /** Append an item (or a sub-item) at the end of its siblings. */
  'agenda.add': { access: 'ui', input: addAgendaInput },
  'agenda.update': { access: 'ui', input: updateAgendaInput },
  /** Its sub-items and documents placed under it go with it. */
  'agenda.delete': { access: 'ui', input: byId },
  /** Reorder (drag and drop, Alt+↑/↓) and re-parent; refuses a third level. */
  'agenda.move': { access: 'ui', input: moveAgendaInput },

  /** A person or a unit joins the meeting (CONFLICT when already there). */
  'participants.add': { access: 'ui', input: addParticipantInput },
  /**
   * Every member of the meeting's committee not yet invited: Trưởng ban → chủ trì (member when the
   * meeting already has a chair participant), Phó Trưởng ban and thành viên → thành viên, thư ký →
   * thư ký, cơ quan thường trực → thành viên (as a unit).
   */
  'participants.addCommittee': { access: 'ui', input: byMeeting },
  'participants.update': { access: 'ui', input: z.object({ id, role: participantRole }).strict() },
  'participants.remove': { access: 'ui', input: byId },
  /** Move a participant to a 0-based place in the list (the order printed on lists). */
  'participants.move': { access: 'ui', input: z.object({ id, index: z.number().int().min(0).max(10_000) }).strict() },
  /** Record the answer to the invitation. */
  'participants.setRsvp': { access: 'ui', input: setRsvpInput },

  /** Mark attendance; only while the meeting is published, in progress or ended. */
  'attendance.set': { access: 'ui', input: setAttendanceInput },
  'attendance.summary': { access: 'ui', input: byMeeting },
  /** The attendance list as an Excel workbook. */
  'attendance.exportXlsx': { access: 'ui', input: byMeeting },
  /** The attendance list as a printable A4 PDF. */
  'attendance.exportPdf': { access: 'ui', input: byMeeting },

  /** iCalendar (RFC 5545, METHOD:REQUEST) for calendar programs. */
  'invitations.exportIcs': { access: 'ui', input: invitationInput },
  /** Giấy mời (Nghị định 30/2020 layout), one A4 page per invitee. */
  'invitations.exportPdf': { access: 'ui', input: invitationInput },
} as const satisfies MethodSpecs;

// ---------------------------------------------------------------------------------------------
// Outputs

/** A row of the directory as a meeting shows it. */
export interface MeetingRef {
  id: string;
  name: string;
}

/** A person as a meeting shows them: "Nguyễn Văn A, Phó Chủ tịch UBND tỉnh". */
export interface MeetingPersonRef extends MeetingRef {
  /** Chức vụ. */
  position: string | null;
  /** The person's unit. */
  unitName: string | null;
  email: string | null;
}

export interface MeetingSummary {
  id: string;
  title: string;
  committee: { id: string; name: string; shortName: string | null };
  /** The catalog label ("Thường kỳ"); the code itself when the catalog item was removed. */
  kind: { code: string; label: string };
  startsAt: string;
  endsAt: string;
  status: MeetingStatus;
  room: MeetingRef | null;
  online: boolean;
  chair: MeetingPersonRef | null;
  /** Đơn vị chủ trì. */
  chairingOrg: MeetingRef | null;
  classification: Classification;
  /** 0 until published; +1 for every recorded change after that. */
  revision: number;
  /** 'pack': received from the secretariat in a meeting pack (read-only here). */
  origin: 'local' | 'pack';
  /** On a member's laptop: the revision of the pack imported. */
  packRevision: number | null;
  counts: { agendaItems: number; participants: number; documents: number };
  updatedAt: string;
}

export interface BridgePoint {
  id: string;
  name: string;
  location: string | null;
}

/** A document placed in the meeting (FileTarget kind 'blob' with sha256 + fileName opens it). */
export interface MeetingAttachment {
  attachmentId: string;
  documentId: string;
  fileName: string;
  kind: 'pdf' | 'attachment';
  mime: string;
  sha256: string;
  pageCount: number | null;
  /** Số. */
  number: string | null;
  /** Ký hiệu. */
  notation: string | null;
  /** Trích yếu. */
  summary: string | null;
  typeCode: string | null;
  classification: Classification;
  position: number;
}

export type AgendaPresenter =
  | { kind: 'person'; id: string; name: string; position: string | null; unitName: string | null }
  | { kind: 'organization'; id: string; name: string };

export interface AgendaItem {
  id: string;
  parentId: string | null;
  /** 0-based among siblings. */
  position: number;
  /** "2" for the second item, "2.1" for its first sub-item. */
  number: string;
  title: string;
  description: string | null;
  presenter: AgendaPresenter | null;
  /** Đơn vị chuẩn bị tài liệu. */
  preparingOrg: MeetingRef | null;
  durationMinutes: number;
  /**
   * The time the item occupies: its own duration, or the sum of its sub-items when that is longer
   * (a parent left at 0 minutes is sized by its sub-items).
   */
  slotMinutes: number;
  /** Meeting start + the slots of everything before it; sub-items run one after another inside their parent's slot. */
  plannedStartsAt: string;
  plannedEndsAt: string;
  outcome: string | null;
  documents: MeetingAttachment[];
  children: AgendaItem[];
}

export interface Agenda {
  meetingId: string;
  /** Top-level items in order, each with its sub-items. */
  items: AgendaItem[];
  totalMinutes: number;
  /** When the agenda as planned ends. */
  plannedEndsAt: string;
  /** Minutes the agenda runs past the meeting's end (0 when it fits). */
  overrunMinutes: number;
}

export interface Participant {
  id: string;
  meetingId: string;
  kind: 'person' | 'organization';
  personId: string | null;
  organizationId: string | null;
  /** Full name, or the unit's name. */
  name: string;
  /** Chức vụ (people only). */
  position: string | null;
  /** The person's unit (people only). */
  unitName: string | null;
  email: string | null;
  role: ParticipantRole;
  /** 0-based place in the list. */
  order: number;
  rsvp: RsvpStatus;
  rsvpReason: string | null;
  rsvpDelegate: { personId: string | null; name: string } | null;
  attendance: AttendanceStatus | null;
  absenceReason: string | null;
  /** Who came instead (ủy quyền), as written on the day. */
  attendanceDelegate: string | null;
  /** When attendance was marked. */
  attendanceAt: string | null;
}

/**
 * Attendance counts and the quorum. Members are participants whose role is chair, member or
 * secretary (people and units alike); guests never count. A member attends when present, late or
 * represented by a delegate. The quorum needs ceil(members × quorumPercent / 100) attending
 * members, quorumPercent being the committee's setting; with no members there is no quorum.
 */
export interface AttendanceSummary {
  total: number;
  present: number;
  late: number;
  absent: number;
  delegated: number;
  unmarked: number;
  /** Participants invited as guests (khách mời). */
  guests: number;
  guestsAttending: number;
  /** Participants represented by someone else (attendance 'delegated'). */
  delegates: number;
  members: number;
  membersAttending: number;
  quorumPercent: number;
  quorumRequired: number;
  quorumMet: boolean;
  rsvp: Record<RsvpStatus, number>;
}

export interface ParticipantList {
  meetingId: string;
  participants: Participant[];
  attendance: AttendanceSummary;
}

/** Another meeting that overlaps in time and uses the same chair or room. */
export interface BookingWarning {
  kind: 'chair' | 'room';
  meeting: { id: string; title: string; startsAt: string; endsAt: string; status: MeetingStatus };
  /** E.g. "Người chủ trì đã có lịch họp "…" lúc 08:00 05/01/2026 – 11:00 05/01/2026". */
  text: LocalizedText;
}

/** One thing that changed in a published meeting. */
export interface MeetingChange {
  scope: 'meeting' | 'agenda' | 'participants' | 'documents';
  /** Field or action, e.g. 'startsAt', 'agenda.add', 'documents.replace'. */
  what: string;
  before?: unknown;
  after?: unknown;
  /** "Thời gian bắt đầu: 08:00 05/01/2026 → 14:00 05/01/2026". */
  text: LocalizedText;
}

/** The changes that made one revision. */
export interface MeetingRevision {
  id: string;
  revision: number;
  at: string;
  /** Profile id of who made it; null before a profile existed. */
  by: string | null;
  byName: string | null;
  changes: MeetingChange[];
}

export interface MeetingDetail extends MeetingSummary {
  description: string | null;
  secretary: MeetingPersonRef | null;
  bridgePoints: BridgePoint[];
  /** The committee's quorum share (committees.quorum_percent). */
  quorumPercent: number;
  /** How the committee's votes pass (its working rules): a minutes vote's result uses it first. */
  passRule: PassRule;
  /** Whether an exact tie goes to the side the chair voted for (the committee's working rules). */
  tieToChair: boolean;
  clonedFromId: string | null;
  createdAt: string;
  agenda: Agenda;
  /** Documents of the meeting not placed under any agenda item, in order. */
  documents: MeetingAttachment[];
  participants: Participant[];
  attendance: AttendanceSummary;
  /** Recorded changes since publishing, newest first. */
  changes: MeetingRevision[];
  /** Double bookings of this meeting's chair or room (none once archived). */
  warnings: BookingWarning[];
  /** False when archived or received in a pack. */
  editable: boolean;
  /** Statuses `meetings.setStatus` would accept now. */
  nextStatuses: MeetingStatus[];
  /** What a draft still lacks before it can be published (empty when ready, or not a draft). */
  publishBlockers: LocalizedText[];
  /** Whether attendance can be marked now. */
  attendanceOpen: boolean;
}

/** A saved meeting, with the double bookings it causes (warnings, not errors). */
export interface MeetingSaveResult {
  meeting: MeetingDetail;
  warnings: BookingWarning[];
}

export interface MeetingsOutputs {
  'meetings.list': Page<MeetingSummary>;
  'meetings.calendar': MeetingSummary[];
  'meetings.get': MeetingDetail;
  'meetings.create': MeetingSaveResult;
  'meetings.update': MeetingSaveResult;
  'meetings.clone': MeetingSaveResult;
  'meetings.delete': { id: string };
  'meetings.setStatus': MeetingDetail;
  'meetings.checkBooking': BookingWarning[];
  'agenda.add': { itemId: string; agenda: Agenda };
  'agenda.update': Agenda;
  'agenda.delete': Agenda;
  'agenda.move': Agenda;
  'participants.add': ParticipantList & { participantId: string };
  'participants.addCommittee': ParticipantList & { added: number };
  'participants.update': ParticipantList;
  'participants.remove': ParticipantList;
  'participants.move': ParticipantList;
  'participants.setRsvp': ParticipantList;
  'attendance.set': ParticipantList;
  'attendance.summary': AttendanceSummary;
  'attendance.exportXlsx': ExportedFile;
  'attendance.exportPdf': ExportedFile;
  'invitations.exportIcs': ExportedFile;
  'invitations.exportPdf': ExportedFile;
}
