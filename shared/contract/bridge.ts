import type { ReleaseClassified } from './classified.ts';
import type { ErrorPayload } from './errors.ts';
import type { CoreEvent } from './events.ts';
import type { MethodInput, MethodName, MethodOutput } from './methods.ts';

/**
 * What the preload script exposes as `window.bridge` in Electron. It returns the raw outcome rather
 * than throwing, because errors lose their fields when they cross contextBridge.
 */
export type RawOutcome = { ok: true; result: unknown } | { ok: false; error: ErrorPayload };

/**
 * A file the user can save or open: something the core exported, or a stored document's bytes. Saving
 * or opening a classified document's bytes needs `releaseClassified` (the core answers CLASSIFIED
 * first); reading them into the app's own reader does not.
 */
export type FileTarget =
  | { kind: 'export'; exportId: string; fileName: string }
  | { kind: 'blob'; sha256: string; fileName: string; releaseClassified?: ReleaseClassified };

/**
 * Answer to "open with the system's program". A file that is not a plain document (macros, an
 * archive, an unknown format) is not opened until the user agrees: the UI shows `what` in a
 * confirmation and asks again with `confirmed`. Programs and scripts are refused (FILE_INVALID).
 */
export type OpenFileResult =
  | { status: 'opened'; fileName: string }
  | { status: 'needs-confirmation'; fileName: string; what: { vi: string; en: string } };

export interface OpenFileOptions {
  /** The user said yes to opening a file that is not a plain document. */
  confirmed?: boolean;
}

/** Outcome of an upload: the reference a core method takes in place of a path. */
export interface UploadResult {
  uploadId: string;
  fileName: string;
  bytes: number;
}

export interface PreloadBridge {
  invoke(method: string, input: unknown): Promise<RawOutcome>;
  subscribe(listener: (event: CoreEvent) => void): () => void;
  /** Stage a file the user chose (drop or picker); `result` is an UploadResult. */
  upload(fileName: string, bytes: ArrayBuffer): Promise<RawOutcome>;
  /** Ask where to save, then copy the file there; `result` is the chosen path or null when cancelled. */
  saveFile(target: FileTarget): Promise<RawOutcome>;
  /** Open with the system's program (a copy, so the stored file cannot be edited in place); `result` is an OpenFileResult. */
  openFile(target: FileTarget, options?: OpenFileOptions): Promise<RawOutcome>;
  /** A stored file's bytes for the in-app reader; `result` is an ArrayBuffer. */
  readFile(target: FileTarget): Promise<RawOutcome>;
  /** The live room's projector screen in a window of its own, full screen on the second display when there is one. */
  openProjector(meetingId: string): Promise<RawOutcome>;
}

/** The typed client every renderer screen uses, whichever host is underneath. */
export interface Bridge {
  invoke<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  subscribe(listener: (event: CoreEvent) => void): () => void;
}

export const IPC_INVOKE_CHANNEL = 'nghisu:invoke';
export const IPC_EVENT_CHANNEL = 'nghisu:event';
export const IPC_FILE_CHANNEL = 'nghisu:file';
export const IPC_WINDOW_CHANNEL = 'nghisu:window';

/** Largest file a user may hand over in one upload (a scanned meeting pack can be big). */
export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024 * 1024;
