import type { Bridge, FileTarget, OpenFileOptions, OpenFileResult, UploadResult } from '../../../shared/contract/index.ts';

/** `idle` means no connection will be attempted (e.g. no access token). */
export type ConnectionState = 'connecting' | 'open' | 'closed' | 'idle';

export interface UploadOptions {
  /** Called as bytes go out, for a progress bar. */
  onProgress?(sentBytes: number, totalBytes: number): void;
  signal?: AbortSignal;
}

/** The shared Bridge plus what the shell needs to tell the user the core went away. */
export interface AppBridge extends Bridge {
  connectionState(): ConnectionState;
  onConnectionChange(listener: () => void): () => void;
  /**
   * Hand a file the user chose (drop or picker) to the core; the result goes into a method's input
   * (`{ uploadId, fileName }`) in place of a path. Rejects with BridgeError.
   */
  upload(file: File, options?: UploadOptions): Promise<UploadResult>;
  /** Let the user save a file the core exported (pack, .ics, PDF, XLSX) or a stored document. */
  saveFile(target: FileTarget): Promise<void>;
  /**
   * Open a stored file with the system's program (Electron) or in a new browser tab. Programs and
   * scripts reject (FILE_INVALID); a file that is not a plain document answers `needs-confirmation`
   * until asked again with `confirmed` (screens use useOpenFile, which asks the user).
   */
  openFile(target: FileTarget, options?: OpenFileOptions): Promise<OpenFileResult>;
  /** The bytes of a stored file, for the in-app PDF reader. Rejects with BridgeError (e.g. NOT_FOUND). */
  readFile(target: FileTarget): Promise<ArrayBuffer>;
  /** The live room's projector screen in its own window: Electron's on the second display, the browser host's in a new tab. */
  openProjector(meetingId: string): Promise<void>;
}
