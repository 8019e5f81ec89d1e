// The project form against a real backend (temporary database) in jsdom: text inputs carry the
// backend's length limits, and a 序号 another project holds is refused at the 序号 field.
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { PROJECT_TEXT_RULES } from '../../src/domain/project-rules';
import ProjectPage from '../../src/ui/pages/ProjectPage';
import { state, useRealBackend } from './helpers/real-backend';

vi.mock('../../src/ui/api-client', () => import('./helpers/real-backend'));

useRealBackend('张三');

const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement | HTMLTextAreaElement;

describe('project form', { timeout: 30_000 }, () => {
  it('limits text inputs to what the backend accepts', async () => {
    render(<ProjectPage id={1} />);
    await waitFor(() => expect(field('项目名称').value).not.toBe(''), { timeout: 10_000 });
    expect(field('项目名称').maxLength).toBe(PROJECT_TEXT_RULES.name.max);
    // 类别 is a choice of the plan's categories plus an explicit 新增类别…, not free text
    const category = screen.getByLabelText('类别');
    expect(category.tagName).toBe('SELECT');
    await waitFor(() => expect([...(category as HTMLSelectElement).options].map((o) => o.text)).toContain('殡葬'));
    expect([...(category as HTMLSelectElement).options].map((o) => o.text).at(-1)).toBe('新增类别…');
    expect(field('拟建设规模和建设内容').maxLength).toBe(PROJECT_TEXT_RULES.scaleText.max);
    // -1: no limit
    expect(field('序号').maxLength).toBe(-1);
  });

  it('shows a 序号 another project holds at the 序号 field, and saves nothing', async () => {
    render(<ProjectPage id={10} />);
    await waitFor(() => expect(field('序号').value).toBe('10'), { timeout: 10_000 });
    const save = () => screen.getByRole('button', { name: '保存（Ctrl+S）' }) as HTMLButtonElement;
    // the page may still be settling (a late load resets the form): type until Save is offered
    await waitFor(
      () => {
        if (field('序号').value !== '1') fireEvent.change(field('序号'), { target: { value: '1' } });
        expect(save().disabled).toBe(false);
      },
      { timeout: 10_000 },
    );
    fireEvent.click(save());
    const first = (await state.backend?.send('project.get', { id: 1 }))?.project.name ?? '';
    await waitFor(() => expect(screen.getAllByRole('alert').map((a) => a.textContent)).toContain(`序号 1 已被「${first}」使用`), {
      timeout: 10_000,
    });
    expect((await state.backend?.send('project.get', { id: 10 }))?.project.seq).toBe(10);
  });
});
