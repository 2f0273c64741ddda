import { counter, gauge, histogram } from '@core/metrics/registry.ts';

const runs = counter({ name: 'kb_scheduler_job_runs_total', help: 'Scheduler job runs, by job', labelNames: ['job'] });
const failures = counter({ name: 'kb_scheduler_job_failures_total', help: 'Scheduler job runs that failed, by job', labelNames: ['job'] });
const lastSuccess = gauge({ name: 'kb_scheduler_job_last_success_timestamp_seconds', help: 'When each scheduler job last finished without error (Unix time)', labelNames: ['job'] });
const duration = histogram({
  name: 'kb_scheduler_job_duration_seconds',
  help: 'Time each scheduler job took, by job',
  labelNames: ['job'],
  buckets: [0.001, 0.01, 0.05, 0.1, 0.5, 1, 5, 30],
});

/** The scheduler's jobs, one label value each. */
export type SchedulerJob = 'escalation' | 'digests' | 'retention' | 'classifier' | 'outbox';

/**
 * Runs one job of a scheduler round: timed and counted for /metrics; a failure is logged and gives
 * `fallback`, so one failing job never stops the others of the round.
 */
export async function runJob<T>(job: SchedulerJob, work: () => T | Promise<T>, fallback: T, log: (line: string) => void): Promise<T> {
  const end = duration.startTimer({ job });
  runs.inc({ job });
  try {
    const result = await work();
    lastSuccess.set({ job }, Date.now() / 1000);
    return result;
  } catch (error) {
    failures.inc({ job });
    log(`[complaints] scheduler job ${job} failed: ${error instanceof Error ? error.message : error}`);
    return fallback;
  } finally {
    end();
  }
}
