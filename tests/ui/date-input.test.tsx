import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import DateInput from '../../src/ui/components/DateInput';

afterEach(cleanup);

function Harness({ initial = '' }: { initial?: string }) {
  const [v, setV] = useState(initial);
  return <DateInput name="startDate" label="计划开工日期" value={v} onChange={setV} />;
}

describe('DateInput', () => {
  it('is a text field showing YYYY-MM-DD, not a locale-dependent date picker', () => {
    render(<Harness initial="2022-03-01" />);
    const input = screen.getByRole('textbox', { name: '计划开工日期' });
    expect(input.getAttribute('type')).toBe('text');
    expect(input).toHaveProperty('value', '2022-03-01');
    expect(input.getAttribute('placeholder')).toBe('YYYY-MM-DD');
  });

  it('rewrites 2022/3/1 and 2022年3月1日 as 2022-03-01 when left', () => {
    render(<Harness />);
    const input = screen.getByRole('textbox', { name: '计划开工日期' });
    fireEvent.change(input, { target: { value: '2022/3/1' } });
    expect(input).toHaveProperty('value', '2022/3/1');
    fireEvent.blur(input);
    expect(input).toHaveProperty('value', '2022-03-01');
    fireEvent.change(input, { target: { value: '2022年12月5日' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(input).toHaveProperty('value', '2022-12-05');
    expect(input.getAttribute('aria-invalid')).toBe('false');
  });

  it('says in Chinese what is wrong with an unreadable date, and blocks the form', () => {
    render(<Harness />);
    const input = screen.getByRole('textbox', { name: '计划开工日期' });
    fireEvent.change(input, { target: { value: '03/01/2022' } });
    fireEvent.blur(input);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toContain('日期应为 YYYY-MM-DD');
    expect((input as HTMLInputElement).validationMessage).toContain('日期应为 YYYY-MM-DD');
  });
});
