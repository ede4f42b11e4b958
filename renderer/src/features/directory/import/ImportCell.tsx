import type { DirectoryImportIssue } from '../../../../../shared/contract/index.ts';

/** One cell of a previewed row as the file has it, marked when an issue is about its column. */
export function ImportCell({
  row,
  column,
  className,
}: {
  row: { values: Record<string, string>; issues: DirectoryImportIssue[] };
  column: string;
  className?: string;
}) {
  const bad = row.issues.some((i) => i.column === column);
  const classes = [className, bad ? 'ns-import-bad-cell' : null].filter(Boolean).join(' ');
  return <span className={classes || undefined}>{row.values[column] ?? ''}</span>;
}
