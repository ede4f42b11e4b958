import type { DirectoryImportIssue } from '../../../../../shared/contract/index.ts';
import type { Language } from '../../../bridge/BridgeError.ts';

/** What is wrong with one previewed row, one line per problem; nothing for a clean row. */
export function ImportIssues({ issues, language }: { issues: DirectoryImportIssue[]; language: Language }) {
  if (issues.length === 0) return null;
  return (
    <ul className="ns-import-issues">
      {issues.map((issue, i) => (
        <li key={i}>{issue.message[language]}</li>
      ))}
    </ul>
  );
}
