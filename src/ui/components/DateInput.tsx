// A date field that never depends on the OS locale (unlike the native date input, which shows
// mm/dd/yyyy on an English Windows): a text input showing YYYY-MM-DD that also reads
// 2022/3/1 and 2022年3月1日, rewrites them as 2022-03-01 when the field is left (or on
// Enter), and says in Chinese what is wrong while the text cannot be read.
import { useId, useState, type KeyboardEvent } from 'react';
import { DATE_INPUT_PATTERN_HINT, parseDateText } from '../../domain/date-format';

export interface DateInputProps {
  name: string;
  /** the accessible name (the visible label may sit elsewhere) */
  label: string;
  /** the text as typed; an ISO date once normalised */
  value: string;
  onChange: (value: string) => void;
  id?: string;
  disabled?: boolean;
  required?: boolean;
  /** an error from elsewhere (e.g. the backend) also marks the field invalid */
  invalid?: boolean;
  className?: string;
}

export default function DateInput({ name, label, value, onChange, id, disabled, required, invalid, className }: DateInputProps) {
  const messageId = useId();
  // the message waits until the field is left once, so half-typed dates are not scolded
  const [touched, setTouched] = useState(false);
  const parsed = parseDateText(value);
  const message = !parsed.ok ? parsed.message : required && parsed.date === null ? '请填写日期' : null;
  const shown = touched ? message : null;

  const normalise = () => {
    setTouched(true);
    if (parsed.ok && parsed.date !== null && parsed.date !== value) onChange(parsed.date);
  };

  return (
    <span className="date-input">
      <input
        type="text"
        inputMode="numeric"
        autoComplete="off"
        {...(id ? { id } : {})}
        name={name}
        aria-label={label}
        placeholder={DATE_INPUT_PATTERN_HINT}
        title={`日期，如 2022-03-01；也可输入 2022/3/1 或 2022年3月1日`}
        value={value}
        maxLength={20}
        disabled={disabled}
        required={required}
        aria-invalid={invalid === true || shown !== null}
        {...(shown ? { 'aria-describedby': messageId } : {})}
        // a Chinese message for the browser's own form check, whatever its language
        ref={(el) => el?.setCustomValidity(message ?? '')}
        onChange={(e) => onChange(e.target.value)}
        onBlur={normalise}
        onKeyDown={(e: KeyboardEvent<HTMLInputElement>) => {
          if (e.key === 'Enter') normalise();
        }}
        className={className}
      />
      {shown && (
        <span className="field-error" id={messageId} role="alert">
          {shown}
        </span>
      )}
    </span>
  );
}
