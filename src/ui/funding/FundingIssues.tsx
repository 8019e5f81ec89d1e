// The checks of the funding in view, recomputed as cells are edited: errors (to confirm on
// save) and warnings (planned sources not adding up to the investment estimate). A long list
// (the year view: one warning per project) scrolls inside its banner, so the grid stays in view.
import type { FundingIssue } from '../../domain/funding/checks';

export default function FundingIssues({ issues }: { issues: readonly FundingIssue[] }) {
  if (issues.length === 0) return null;
  const errors = issues.filter((i) => i.severity === 'error');
  const warnings = issues.filter((i) => i.severity === 'warning');
  return (
    <div className="funding-issues" data-testid="funding-issues">
      {errors.length > 0 && (
        <div className="banner banner-error" role="note">
          <strong>需要确认（{errors.length} 项，保存时会再次询问）：</strong>
          <ul>
            {errors.map((e) => (
              <li key={`${e.code}:${e.projectId}:${e.sourceId ?? ''}`}>{e.message}</li>
            ))}
          </ul>
        </div>
      )}
      {warnings.length > 0 && (
        <div className="banner banner-warn" role="note">
          <strong>提醒（{warnings.length} 项）：</strong>
          <ul>
            {warnings.map((w) => (
              <li key={`${w.code}:${w.projectId}`}>{w.message}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
