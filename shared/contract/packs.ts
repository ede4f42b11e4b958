import { z } from 'zod';
import { id, uploadRef, type Classification, type ExportedFile, filePath } from './common.ts';
import { releaseClassified } from './classified.ts';
import type { MethodSpecs } from './method-spec.ts';

/**
 * Meeting packs: one signed file carrying a published meeting to members' laptops. Export needs the
 * secretariat's profile key; import verifies every hash and the signature against the keys the
 * member has accepted (keys.trust), then shows what changed since the pack already imported.
 */
export const packsMethods = {
  /**
   * Export a published (or later) meeting as a pack the user saves. A pack carrying Mật (or higher)
   * documents is refused (CLASSIFIED) unless `releaseClassified` gives the reason the audit log keeps;
   * those documents are sealed to the participants whose keys are trusted (INVALID_STATE when none is).
   */
  'packs.export': { access: 'ui', input: z.object({ meetingId: id, releaseClassified: releaseClassified.optional() }).strict() },
  /** CLI: export straight to a path. */
  'packs.exportFile': {
    access: 'local',
    input: z.object({ meetingId: id, file: filePath, overwrite: z.boolean().optional(), releaseClassified: releaseClassified.optional() }).strict(),
  },
  /** Verify a pack and describe it (signer, trust, what changed) without importing anything. */
  'packs.inspect': { access: 'ui', input: z.object({ upload: uploadRef }).strict() },
  /** Verify and import; refused whole (nothing stored) when anything is wrong. */
  /** `allowDowngrade`: the user saw that the pack is older than the one imported and still wants it. */
  'packs.import': { access: 'ui', input: z.object({ upload: uploadRef, allowDowngrade: z.boolean().optional() }).strict() },
  /**
   * CLI: inspect or import a pack file; `trustSigner` first accepts the pack's key for the pack's
   * committee (the admin saw its fingerprint).
   */
  'packs.importFile': {
    access: 'local',
    input: z
      .object({ file: filePath, dryRun: z.boolean().optional(), trustSigner: z.boolean().optional(), allowDowngrade: z.boolean().optional() })
      .strict(),
  },
  /** Packs imported for a meeting, newest first. */
  'packs.history': { access: 'ui', input: z.object({ meetingId: id }).strict() },
} as const satisfies MethodSpecs;

export interface PackSigner {
  /** "Họ tên, chức vụ, đơn vị" of the secretariat profile that signed. */
  label: string;
  publicKey: string;
  fingerprint: string;
  /**
   * Whether this laptop accepts this pack from this key: the key is trusted for packs of the pack's
   * committee (and of the committee the meeting is in here, if it moves), or it is the own profile's.
   */
  trusted: boolean;
}

/** One line of "what changed since the pack you have". */
export interface PackChange {
  scope: 'meeting' | 'agenda' | 'participants' | 'documents';
  text: { vi: string; en: string };
}

export interface PackInspection {
  meeting: { id: string; title: string; startsAt: string; endsAt: string; committeeId: string; committeeName: string; status: string };
  revision: number;
  createdAt: string;
  signer: PackSigner;
  documents: number;
  totalBytes: number;
  /** The pack of this meeting imported before, if any. */
  previous: { revision: number; importedAt: string } | null;
  /** Empty for a first import; otherwise every difference from the meeting as the last pack left it. */
  changes: PackChange[];
  /** True when this very revision was already imported (importing again changes nothing). */
  sameAsPrevious: boolean;
  /** True when the pack is older than the one imported: importing it rolls the meeting back. */
  downgrade: boolean;
  /**
   * Mật-or-higher documents the pack carries sealed to other members: this laptop's key is not among
   * their recipients, so they are left out (`documents` does not count them).
   */
  withheld: { id: string; fileName: string; classification: Classification }[];
}

export interface PackImportResult extends PackInspection {
  importId: string;
  /** Documents whose bytes were new on this laptop (the others were already stored). */
  newDocuments: number;
}

/** Who can open the pack's classified documents: the participants whose keys the secretariat trusts for their notes. */
export interface PackSealed {
  documents: number;
  recipients: string[];
  /** Participants with no trusted key: their laptops will not open the classified documents. */
  withoutKey: string[];
}

export interface PackExportResult {
  meetingId: string;
  revision: number;
  documents: number;
  fingerprint: string;
  sealed: PackSealed | null;
  file: ExportedFile;
}

export interface PackFileExportResult {
  meetingId: string;
  revision: number;
  documents: number;
  fingerprint: string;
  sealed: PackSealed | null;
  file: string;
  bytes: number;
  sha256: string;
}

export interface PackHistoryEntry {
  id: string;
  revision: number;
  signer: string;
  importedAt: string;
  changes: PackChange[];
}

export interface PacksOutputs {
  'packs.export': PackExportResult;
  'packs.exportFile': PackFileExportResult;
  'packs.inspect': PackInspection;
  'packs.import': PackImportResult;
  'packs.importFile': PackInspection | PackImportResult;
  'packs.history': PackHistoryEntry[];
}
