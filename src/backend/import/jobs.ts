// Progress of running imports by a caller-chosen job id, for callers that cannot receive
// callbacks (HTTP, and IPC through the one request/response Api): they pass jobId with
// xlsx.importPreview / importApply and poll xlsx.importProgress while they wait.
import type { ImportProgressSnapshot } from '../../domain/api/xlsx';
import type { ProgressReporter } from '../context';

const KEEP_FINISHED_MS = 60_000;
const MAX_JOBS = 200;

interface Job {
  snapshot: ImportProgressSnapshot;
  finishedAt: number | null;
}

const jobs = new Map<string, Job>();

function prune(now: number): void {
  for (const [id, job] of jobs) if (job.finishedAt !== null && now - job.finishedAt > KEEP_FINISHED_MS) jobs.delete(id);
  while (jobs.size >= MAX_JOBS) {
    const oldest = jobs.keys().next().value;
    if (oldest === undefined) break;
    jobs.delete(oldest);
  }
}

/** Starts (or restarts: preview, then apply under the same id) a job; returns its reporter. */
export function startJob(jobId: string): ProgressReporter {
  prune(Date.now());
  const job: Job = { snapshot: { phase: '开始', done: 0, total: 1, percent: 0, finished: false }, finishedAt: null };
  jobs.delete(jobId);
  jobs.set(jobId, job);
  return (phase, done, total, percent) => {
    const pct = percent ?? (total > 0 ? (100 * done) / total : 0);
    // percent only moves forward: a bar going back reads as a fault
    job.snapshot = { phase, done, total, percent: Math.max(job.snapshot.percent, Math.min(100, Math.round(pct))), finished: false };
  };
}

export function finishJob(jobId: string): void {
  const job = jobs.get(jobId);
  if (!job) return;
  job.snapshot = { ...job.snapshot, percent: 100, finished: true };
  job.finishedAt = Date.now();
}

export function jobSnapshot(jobId: string): ImportProgressSnapshot | null {
  return jobs.get(jobId)?.snapshot ?? null;
}

/** Both reporters, either of which may be absent. */
export function bothReporters(a: ProgressReporter | undefined, b: ProgressReporter | undefined): ProgressReporter | undefined {
  if (!a) return b;
  if (!b) return a;
  return (phase, done, total, percent) => {
    a(phase, done, total, percent);
    b(phase, done, total, percent);
  };
}
