// The visible list of cells that cannot be saved, each naming its row and column;
// clicking one puts the cursor on the cell.
import type { CellPos, CellProblem } from './types';

const SHOWN = 30;

export default function GridProblems({ problems, onGoTo }: { problems: readonly CellProblem[]; onGoTo?(pos: CellPos): void }) {
  if (problems.length === 0) return null;
  return (
    <div className="egrid-problems" role="alert" data-testid="grid-problems">
      <strong>有 {problems.length} 个单元格需要修改后才能保存：</strong>
      <ul>
        {problems.slice(0, SHOWN).map((p) => (
          <li key={`${p.row}:${p.col}`}>
            {onGoTo ? (
              <button type="button" onClick={() => onGoTo({ row: p.row, col: p.col })}>
                {p.where}
              </button>
            ) : (
              p.where
            )}
            ：{p.message}
          </li>
        ))}
        {problems.length > SHOWN && <li>…另有 {problems.length - SHOWN} 处</li>}
      </ul>
    </div>
  );
}
