/** npm run backup -- --out FILE: the databases in DATA_DIR and the content directory, while the portal runs. */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { config } from '@core/config/config.ts';
import { createBackup } from './archive.ts';

const usage = 'Usage: npm run backup -- --out <file.tar.gz>';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  if (!values.out) {
    console.error(`--out: is required\n${usage}`);
    return 1;
  }
  const cfg = config();
  const out = path.resolve(values.out);
  const manifest = await createBackup({ dataDir: cfg.dataDir, contentDir: cfg.contentDir, out });
  console.info(`Backed up ${manifest.databases.join(', ')} and the content directory to ${out}`);
  return 0;
}

main().then((code) => process.exit(code), (error: Error) => {
  console.error(`backup failed: ${error.message}`);
  process.exit(1);
});
