import "server-only";
import { SCHEDULED_JOBS } from "./scheduled-jobs";
import { JobScheduler } from "./scheduler";

/** The recurring jobs' scheduler, started: it runs wherever the outbox worker runs (each period once across instances). */
export function startScheduler(): JobScheduler {
  const scheduler = new JobScheduler({ jobs: SCHEDULED_JOBS });
  scheduler.start();
  return scheduler;
}
