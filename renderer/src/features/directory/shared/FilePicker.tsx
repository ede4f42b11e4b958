import { Button, type ButtonProps } from 'antd';
import { useRef, type ReactNode } from 'react';

interface FilePickerProps {
  /** Accessible name of the file input itself (tests and assistive tech reach it by this). */
  inputLabel: string;
  accept: string;
  onFile: (file: File) => void;
  children: ReactNode;
  buttonProps?: ButtonProps;
}

/** A real button that opens the system's file picker; the input stays in the page for keyboard and tests. */
export function FilePicker({ inputLabel, accept, onFile, children, buttonProps }: FilePickerProps) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        accept={accept}
        aria-label={inputLabel}
        className="ns-visually-hidden"
        tabIndex={-1}
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Clear it, so choosing the same file again (after fixing it) fires again.
          event.target.value = '';
          if (file) onFile(file);
        }}
      />
      <Button {...buttonProps} onClick={() => input.current?.click()}>
        {children}
      </Button>
    </>
  );
}
