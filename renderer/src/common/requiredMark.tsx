import type { ReactNode } from 'react';

/**
 * Required fields keep their star, but hidden from assistive tech, so a field is announced (and
 * found by tests) by its label alone.
 */
export function requiredMark(label: ReactNode, { required }: { required: boolean }): ReactNode {
  return (
    <>
      {label}
      {required ? (
        <span aria-hidden className="ns-required-mark">
          *
        </span>
      ) : null}
    </>
  );
}
