import fs from 'node:fs';

export default function removeDataDir(): void {
  const dir = process.env.KB_BROWSER_DATA_DIR;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}
