import fs from 'node:fs';

/** Global teardown: removes the run's databases and indexes (both servers; the escalation one holds the test clock file). */
export default function removeDataDir(): void {
  for (const dir of [process.env.KB_BROWSER_DATA_DIR, process.env.KB_BROWSER_ESCALATION_DATA_DIR]) {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }
}
