import { z } from 'zod';
import { passRules, type PassRule } from '../room/tally.ts';
import { id, optionalText, paging, requiredText, uploadRef, type ExportedFile, type Page } from './common.ts';
import type { LocalizedText } from './errors.ts';
import type { MethodSpecs } from './method-spec.ts';

/** The directory's fold; it lives with the other folds in shared/text-fold.ts. */
export { foldText } from '../text-fold.ts';

/**
 * Mã định danh of an agency or unit (Quyết định 20/2020/QĐ-TTg style): dotted groups of digits and
 * capital letters, e.g. 000.00.00.H41. Lower-case letters typed or pasted from Excel are accepted
 * and stored upper-case.
 */
export const ORGAN_CODE_MAX = 35;
export const organCodePattern = /^[0-9A-Z]+(\.[0-9A-Z]+)+$/;
export const organCode = z
  .string()
  .trim()
  .toUpperCase()
  .max(ORGAN_CODE_MAX, `Mã định danh dài tối đa ${ORGAN_CODE_MAX} ký tự / at most ${ORGAN_CODE_MAX} characters`)
  .regex(
    organCodePattern,
    'Mã định danh gồm các nhóm chữ số và chữ in hoa cách nhau bằng dấu chấm, ví dụ 000.00.00.H41 / groups of digits and capital letters separated by dots, e.g. 000.00.00.H41',
  );

/** An optional organ code: blank means "none". */
const optionalOrganCode = z
  .union([z.literal(''), organCode])
  .nullish()
  .transform((v) => (v ? v : null));

export const workRole = z.enum(['secretariat', 'member']);
export type WorkRole = z.infer<typeof workRole>;

export const committeeRole = z.enum(['head', 'deputy', 'member', 'secretary', 'standing_agency']);
export type CommitteeRole = z.infer<typeof committeeRole>;

export const catalogName = z.enum(['meeting_kind', 'document_type']);
export type CatalogName = z.infer<typeof catalogName>;

export const directoryImportKind = z.enum(['people', 'organizations']);
export type DirectoryImportKind = z.infer<typeof directoryImportKind>;

/** An Ed25519 public key: the raw 32 bytes in base64. */
export const publicKeyBase64 = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9+/]{43}=$/, 'Khóa công khai không hợp lệ (Ed25519, 32 byte, base64) / invalid public key (Ed25519, 32 bytes, base64)');

/** A key fingerprint: 32 hex digits, spaces and case ignored; stored as `a1b2 c3d4 …`. */
export const keyFingerprint = z
  .string()
  .transform((v) => v.replace(/\s+/g, '').toLowerCase())
  .pipe(z.string().regex(/^[0-9a-f]{32}$/, 'Dấu vân tay khóa gồm 32 chữ số thập lục phân / a fingerprint is 32 hex digits'))
  .transform((v) => v.match(/.{4}/g)!.join(' '));

/** An optional e-mail address; blank means none. */
export const emailAddress = z
  .string()
  .trim()
  .max(254)
  .nullish()
  .transform((v) => (v ? v : null))
  .pipe(z.email('Thư điện tử không hợp lệ / invalid e-mail address').nullable());

/** An optional phone number as people write it (0214 3840 123, +84 912 345 678). */
export const phoneNumber = z
  .string()
  .trim()
  .max(40)
  .nullish()
  .transform((v) => (v ? v : null))
  .pipe(
    z
      .string()
      .regex(/^\+?[0-9 .()-]{6,40}$/, 'Số điện thoại chỉ gồm chữ số, dấu cách, dấu chấm, gạch ngang / digits, spaces, dots and dashes only')
      .nullable(),
  );

const empty = z.object({}).strict();
const byId = z.object({ id }).strict();

const profileFields = {
  fullName: requiredText(200),
  position: requiredText(200),
  unitName: requiredText(300),
  organizationId: id.nullish().transform((v) => v ?? null),
  workRole,
};

const organizationFields = {
  organCode: optionalOrganCode,
  name: requiredText(300),
  shortName: optionalText(100),
  parentId: id.nullish().transform((v) => v ?? null),
};

const personFields = {
  fullName: requiredText(200),
  position: optionalText(200),
  organizationId: id.nullish().transform((v) => v ?? null),
  email: emailAddress,
  phone: phoneNumber,
};

const committeeFields = {
  name: requiredText(300),
  shortName: optionalText(100),
  quorumPercent: z.number().int().min(1).max(100).default(50),
  /** How a vote passes, by the committee's working rules (quy chế làm việc). */
  passRule: z.enum(passRules, { error: 'Cách tính kết quả biểu quyết không hợp lệ / invalid pass rule' }).default('majority_present'),
  /** An exact tie goes to the side the chair voted for. */
  tieToChair: z.boolean().default(false),
};

const roomFields = {
  name: requiredText(200),
  location: optionalText(300),
  capacity: z.number().int().min(1).max(100_000).nullish().transform((v) => v ?? null),
};

export const COMMITTEE_MAX_MEMBERS = 500;

const committeeMember = z
  .object({
    personId: id.optional(),
    organizationId: id.optional(),
    role: committeeRole,
  })
  .strict()
  .superRefine((m, issue) => {
    if ((m.personId === undefined) === (m.organizationId === undefined)) {
      issue.addIssue({
        code: 'custom',
        message: 'Mỗi thành viên là một cán bộ hoặc một cơ quan, đơn vị / each member is either a person or a unit',
      });
    } else if (m.role === 'standing_agency' && m.organizationId === undefined) {
      issue.addIssue({
        code: 'custom',
        path: ['organizationId'],
        message: 'Cơ quan thường trực phải là một cơ quan, đơn vị / the standing agency must be a unit',
      });
    } else if (m.role !== 'standing_agency' && m.personId === undefined) {
      issue.addIssue({
        code: 'custom',
        path: ['personId'],
        message: 'Trưởng ban, Phó Trưởng ban, thành viên, thư ký phải là cán bộ / heads, deputies, members and secretaries are people',
      });
    }
  });

const setMembersInput = z
  .object({
    committeeId: id,
    members: z.array(committeeMember).max(COMMITTEE_MAX_MEMBERS),
  })
  .strict()
  .superRefine((input, issue) => {
    const seen = new Set<string>();
    let heads = 0;
    input.members.forEach((m, i) => {
      const key = m.personId ? `p:${m.personId}` : `o:${m.organizationId}`;
      if (seen.has(key)) {
        issue.addIssue({ code: 'custom', path: ['members', i], message: 'Thành viên bị lặp / listed twice' });
      }
      seen.add(key);
      if (m.role === 'head') heads += 1;
    });
    if (heads > 1) {
      issue.addIssue({ code: 'custom', path: ['members'], message: 'Ban Chỉ đạo chỉ có một Trưởng ban / only one head' });
    }
  });

/** A catalog code: the stable key rows refer to (e.g. "QĐ", "thematic"). */
export const catalogCode = z
  .string()
  .trim()
  .min(1, 'Không được để trống / required')
  .max(20)
  .regex(/^[\p{L}\p{N}_-]+$/u, 'Mã chỉ gồm chữ, số, gạch dưới, gạch ngang / letters, digits, _ and - only');

/**
 * What a key is trusted to sign: meeting packs of one committee (a secretariat's key; the committee
 * may not be on this laptop yet, so its name comes along), or shared notes in the name of one person
 * of the directory (a member's key).
 */
export const trustScope = z.discriminatedUnion('purpose', [
  z.object({ purpose: z.literal('pack'), committeeId: id, committeeName: optionalText(500) }).strict(),
  z.object({ purpose: z.literal('notes'), personId: id }).strict(),
]);
export type TrustScope = z.input<typeof trustScope>;

const trustInput = z.union([
  z.object({ publicKey: publicKeyBase64, label: requiredText(300), scope: trustScope }).strict(),
  z.object({ upload: uploadRef, label: optionalText(300), scope: trustScope }).strict(),
]);

export const directoryMethods = {
  'profile.get': { access: 'ui', input: empty, whileLocked: true },
  'profile.create': { access: 'ui', input: z.object(profileFields).strict() },
  'profile.update': { access: 'ui', input: z.object(profileFields).strict() },
  'profile.exportPublicKey': { access: 'ui', input: empty },

  'keys.listTrusted': { access: 'ui', input: empty },
  'keys.inspect': { access: 'ui', input: z.object({ upload: uploadRef }).strict() },
  'keys.trust': { access: 'ui', input: trustInput },
  /** Without `scope` the key is removed with every grant; with it, only that grant. */
  'keys.untrust': { access: 'ui', input: z.object({ fingerprint: keyFingerprint, scope: trustScope.optional() }).strict() },

  'organizations.list': { access: 'ui', input: z.object({ query: z.string().trim().max(200).optional() }).strict() },
  'organizations.create': { access: 'ui', input: z.object(organizationFields).strict() },
  'organizations.update': { access: 'ui', input: z.object({ id, ...organizationFields }).strict() },
  'organizations.delete': { access: 'ui', input: byId },

  'people.list': {
    access: 'ui',
    input: z
      .object({ query: z.string().trim().max(200).optional(), organizationId: id.optional(), ...paging })
      .strict(),
  },
  'people.create': { access: 'ui', input: z.object(personFields).strict() },
  'people.update': { access: 'ui', input: z.object({ id, ...personFields }).strict() },
  'people.delete': { access: 'ui', input: byId },

  'committees.list': { access: 'ui', input: empty },
  'committees.get': { access: 'ui', input: byId },
  'committees.create': { access: 'ui', input: z.object(committeeFields).strict() },
  /** `passRule` and `tieToChair` left out keep what the committee has. */
  'committees.update': {
    access: 'ui',
    input: z.object({ id, ...committeeFields, passRule: committeeFields.passRule.unwrap().optional(), tieToChair: z.boolean().optional() }).strict(),
  },
  'committees.delete': { access: 'ui', input: byId },
  'committees.setMembers': { access: 'ui', input: setMembersInput },

  'rooms.list': { access: 'ui', input: empty },
  'rooms.create': { access: 'ui', input: z.object(roomFields).strict() },
  'rooms.update': { access: 'ui', input: z.object({ id, ...roomFields }).strict() },
  'rooms.delete': { access: 'ui', input: byId },

  'catalogs.list': { access: 'ui', input: z.object({ catalog: catalogName }).strict() },
  'catalogs.save': {
    access: 'ui',
    input: z
      .object({ catalog: catalogName, code: catalogCode, label: requiredText(200), position: z.number().int().min(0).max(10_000).optional() })
      .strict(),
  },
  'catalogs.delete': { access: 'ui', input: z.object({ catalog: catalogName, code: catalogCode }).strict() },

  'directory.importPreview': { access: 'ui', input: z.object({ upload: uploadRef, kind: directoryImportKind }).strict() },
  'directory.importCommit': { access: 'ui', input: z.object({ previewId: id }).strict() },
  'directory.importCancel': { access: 'ui', input: z.object({ previewId: id }).strict() },
  'directory.importTemplate': { access: 'ui', input: z.object({ kind: directoryImportKind }).strict() },
} as const satisfies MethodSpecs;

export interface Profile {
  id: string;
  fullName: string;
  position: string;
  unitName: string;
  organizationId: string | null;
  workRole: WorkRole;
  /** Ed25519 raw public key, base64. */
  publicKey: string;
  /** `a1b2 c3d4 …`: what people compare aloud or on paper before trusting a key. */
  fingerprint: string;
  createdAt: string;
  updatedAt: string;
}

/** What `profile.exportPublicKey` writes, and what `keys.trust` accepts as an upload. */
export const publicKeyFile = z.object({
  format: z.literal('nghisu-public-key'),
  version: z.literal(1),
  label: z.object({ fullName: z.string().max(200), position: z.string().max(200), unitName: z.string().max(300) }),
  publicKey: publicKeyBase64,
  fingerprint: z.string(),
});
export type PublicKeyFile = z.infer<typeof publicKeyFile>;

/** One thing a trusted key may sign, with the names to show. */
export type TrustGrant =
  | { purpose: 'pack'; committeeId: string; committeeName: string | null; grantedAt: string }
  | { purpose: 'notes'; personId: string; personName: string; grantedAt: string };

export interface TrustedKey {
  fingerprint: string;
  publicKey: string;
  label: string;
  acceptedAt: string;
  /** Empty: the key is known but trusted for nothing (e.g. carried over from before trust had purposes). */
  grants: TrustGrant[];
}

/** A public-key file read and checked, before the member decides to trust it. */
export interface InspectedKey {
  publicKey: string;
  /** Computed from the key itself, never taken from the file. */
  fingerprint: string;
  label: string;
  /** Set when this key is already trusted. */
  trusted: TrustedKey | null;
}

export interface Organization {
  id: string;
  organCode: string | null;
  name: string;
  shortName: string | null;
  parentId: string | null;
  /** 0 for a top-level unit; rows come depth-first, children by name. */
  depth: number;
  peopleCount: number;
  childCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface Person {
  id: string;
  fullName: string;
  position: string | null;
  organizationId: string | null;
  organizationName: string | null;
  email: string | null;
  phone: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CommitteeSummary {
  id: string;
  name: string;
  shortName: string | null;
  quorumPercent: number;
  passRule: PassRule;
  tieToChair: boolean;
  memberCount: number;
  headName: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CommitteeMember {
  id: string;
  personId: string | null;
  organizationId: string | null;
  role: CommitteeRole;
  /** The person's full name or the unit's name. */
  name: string;
  /** The person's chức vụ (null for a unit). */
  personPosition: string | null;
  /** The person's unit, or for a unit its organ code. */
  detail: string | null;
}

export interface Committee extends Omit<CommitteeSummary, 'memberCount' | 'headName'> {
  members: CommitteeMember[];
  /** Members needed for quorum: ceil(members × quorumPercent / 100), the standing agency (a unit) not counted. */
  quorumCount: number;
}

export interface Room {
  id: string;
  name: string;
  location: string | null;
  capacity: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface CatalogItem {
  catalog: CatalogName;
  code: string;
  label: string;
  position: number;
  builtin: boolean;
  /** Meetings or documents that use the code; such rows cannot be deleted. */
  usageCount: number;
}

export type DirectoryImportAction = 'create' | 'update' | 'unchanged' | 'skip';

export interface DirectoryImportIssue {
  /** The column key the issue is about ('' for the whole row). */
  column: string;
  message: LocalizedText;
}

export interface DirectoryImportRow {
  /** The row number as the spreadsheet shows it (1-based, header rows included). */
  rowNumber: number;
  values: Record<string, string>;
  /** 'skip' when the row has issues; nothing from it is written. */
  action: DirectoryImportAction;
  issues: DirectoryImportIssue[];
}

export interface DirectoryImportCounts {
  total: number;
  create: number;
  update: number;
  unchanged: number;
  skip: number;
}

export interface DirectoryImportColumn {
  key: string;
  label: LocalizedText;
  /** Whether the file had this column. */
  present: boolean;
}

export interface DirectoryImportPreview {
  previewId: string;
  kind: DirectoryImportKind;
  fileName: string;
  /** The sheet read (XLSX) or null for CSV. */
  sheetName: string | null;
  columns: DirectoryImportColumn[];
  rows: DirectoryImportRow[];
  counts: DirectoryImportCounts;
  /** When the preview is forgotten if neither committed nor cancelled. */
  expiresAt: string;
}

export interface DirectoryImportResult {
  kind: DirectoryImportKind;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
}

export interface DirectoryOutputs {
  'profile.get': Profile | null;
  'profile.create': Profile;
  'profile.update': Profile;
  'profile.exportPublicKey': ExportedFile;
  'keys.listTrusted': TrustedKey[];
  'keys.inspect': InspectedKey;
  'keys.trust': TrustedKey;
  'keys.untrust': { fingerprint: string };
  'organizations.list': Organization[];
  'organizations.create': Organization;
  'organizations.update': Organization;
  'organizations.delete': { id: string };
  'people.list': Page<Person>;
  'people.create': Person;
  'people.update': Person;
  'people.delete': { id: string };
  'committees.list': CommitteeSummary[];
  'committees.get': Committee;
  'committees.create': Committee;
  'committees.update': Committee;
  'committees.delete': { id: string };
  'committees.setMembers': Committee;
  'rooms.list': Room[];
  'rooms.create': Room;
  'rooms.update': Room;
  'rooms.delete': { id: string };
  'catalogs.list': CatalogItem[];
  'catalogs.save': CatalogItem;
  'catalogs.delete': { catalog: CatalogName; code: string };
  'directory.importPreview': DirectoryImportPreview;
  'directory.importCommit': DirectoryImportResult;
  'directory.importCancel': { previewId: string };
  'directory.importTemplate': ExportedFile;
}
