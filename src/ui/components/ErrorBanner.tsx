import type { ApiError } from '../../domain/api/errors';
import { describeIssue } from '../../domain/api/errors';

export default function ErrorBanner({ error, onClose }: { error: ApiError; onClose?: () => void }) {
  const details = error.issues.map(describeIssue).filter((d) => d !== error.message);
  return (
    <div className="banner banner-error" role="alert">
      <strong>{error.message}</strong>
      {details.length > 0 && (
        <ul>
          {details.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      )}
      {onClose && (
        <button type="button" className="banner-close" onClick={onClose} aria-label="关闭">
          ×
        </button>
      )}
    </div>
  );
}
