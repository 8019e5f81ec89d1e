// 上一个 / 下一个 project, in the register's current order and filter (else by 序号), also on
// Alt+← / Alt+→. They change the hash, so unsaved edits still meet the leave dialog.
import { useEffect } from 'react';
import { neighbours, readRegisterOrder } from './project-nav';

function readOrder(planId: number): number[] | null {
  try {
    return readRegisterOrder(window.sessionStorage, planId);
  } catch {
    return null; // storage disabled
  }
}

export default function ProjectNav({ id, planId, plan }: { id: number; planId: number; plan: readonly { id: number; seq: number }[] }) {
  const order = readOrder(planId);
  const n = neighbours(id, order, plan);
  const fromRegister = order !== null && order.includes(id);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
      const to = e.key === 'ArrowLeft' ? n.prev : e.key === 'ArrowRight' ? n.next : null;
      if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
      // Alt+← is also the browser's "back": the project list order wins on this page
      e.preventDefault();
      if (to !== null) window.location.hash = `#/project/${to}`;
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [n.prev, n.next]);

  const title = fromRegister ? '按项目台账当前的筛选和排序' : '按序号';
  return (
    <nav className="project-nav" aria-label="切换项目">
      <button type="button" className="btn" disabled={n.prev === null} title={`${title}（Alt+←）`} onClick={() => n.prev !== null && (window.location.hash = `#/project/${n.prev}`)}>
        ← 上一个
      </button>
      {n.position && (
        <span className="dim" data-testid="project-position">
          {n.position.index} / {n.position.count}
          {fromRegister ? '（台账筛选）' : ''}
        </span>
      )}
      <button type="button" className="btn" disabled={n.next === null} title={`${title}（Alt+→）`} onClick={() => n.next !== null && (window.location.hash = `#/project/${n.next}`)}>
        下一个 →
      </button>
    </nav>
  );
}
