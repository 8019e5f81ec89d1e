// A form field: its label, the input, then the field's errors (or a hint when it has none).
// The project form and the site form both lay their fields out this way.
import type { ReactNode } from 'react';
import type { Issue } from '../../domain/api/errors';

export default function LabelledField(props: { field: string; label: string; issues: readonly Issue[]; wide?: boolean; hint?: string; children: ReactNode }) {
  const errs = props.issues.filter((i) => i.field === props.field);
  return (
    <label className={`field${props.wide ? ' field-wide' : ''}${errs.length ? ' field-invalid' : ''}`}>
      <span className="field-label">{props.label}</span>
      {props.children}
      {props.hint && !errs.length && <span className="field-hint">{props.hint}</span>}
      {errs.map((e) => (
        <span key={e.message} className="field-error" role="alert">
          {e.message}
        </span>
      ))}
    </label>
  );
}
