import { useCallback, useRef, type ReactNode } from 'react';

/**
 * A hidden file input that a visible button opens, so the picker looks like the rest of the UI
 * while the input stays a real, labelled control (keyboard users and tests reach it as such).
 */
export function useFilePicker(
  onFiles: (files: File[]) => void,
  { label, multiple = true, accept }: { label: string; multiple?: boolean; accept?: string },
): { open: () => void; input: ReactNode } {
  const ref = useRef<HTMLInputElement>(null);
  const open = useCallback(() => ref.current?.click(), []);
  const input = (
    <input
      ref={ref}
      type="file"
      hidden
      multiple={multiple}
      accept={accept}
      aria-label={label}
      onChange={(event) => {
        const files = Array.from(event.target.files ?? []);
        // Cleared so picking the same file again (a re-import after fixing it) still fires a change.
        event.target.value = '';
        if (files.length > 0) onFiles(files);
      }}
    />
  );
  return { open, input };
}
