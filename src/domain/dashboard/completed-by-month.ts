// Completed investment per report month for a whole plan, by the same rule as the
// facts (a project's own latest cumulative figure, or its sites' when they are newer),
// so the months add up to the dashboard's total and no report is counted twice.
import { lastDayOfMonth } from '../calendar';
import { projectFacts, type FactsInput } from '../facts/project-facts';
import type { MonthTotal } from '../api/dashboard';

/** The plan's completed investment reached in each month that has any report. */
export function completedByMonth(projects: readonly FactsInput[]): MonthTotal[] {
  // per project: its cumulative figure as of each of its own report months
  const perProject = projects.map((p) => {
    const months = [...new Set(p.progress.map((e) => e.reportMonth))].sort();
    return months.map((month) => {
      const asOf = { ...p, progress: p.progress.filter((e) => e.reportMonth <= month), today: lastDayOfMonth(month) };
      return { month, cumulative: projectFacts(asOf).completedInvestmentYuan };
    });
  });
  const allMonths = [...new Set(perProject.flatMap((s) => s.map((x) => x.month)))].sort();
  const cursor = perProject.map(() => 0);
  const carried = perProject.map(() => 0);
  let previousTotal = 0;
  return allMonths.map((month) => {
    perProject.forEach((series, i) => {
      let c = cursor[i] ?? 0;
      while (c < series.length && (series[c]?.month ?? '') <= month) {
        carried[i] = series[c]?.cumulative ?? 0;
        c += 1;
      }
      cursor[i] = c;
    });
    const total = carried.reduce((a, b) => a + b, 0);
    const completedYuan = total - previousTotal;
    previousTotal = total;
    return { month, completedYuan };
  });
}
