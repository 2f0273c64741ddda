/** npm run restore -- FILE [--data-dir DIR] [--content-dir DIR] [--force]: run with the portal stopped. */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { config } from '@core/config/config.ts';
import { restoreBackup } from './archive.ts';

const usage = 'Usage: npm run restore -- <backup file> [--data-dir <dir>] [--content-dir <dir>] [--force]';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { 'data-dir': { type: 'string' }, 'content-dir': { type: 'string' }, force: { type: 'boolean', default: false } } });
  if (positionals.length !== 1) {
    console.error(`the backup file: exactly one is required\n${usage}`);
    return 1;
  }
  const cfg = config();
  const dataDir = path.resolve(values['data-dir'] ?? cfg.dataDir);
  const contentDir = path.resolve(values['content-dir'] ?? cfg.contentDir);
  const manifest = await restoreBackup({ file: path.resolve(positionals[0]!), dataDir, contentDir, force: values.force ?? false });
  console.info(`Restored ${manifest.databases.join(', ')} (backup of ${manifest.createdAt}) into ${dataDir}, and the content into ${contentDir}; every database passed its integrity check`);
  return 0;
}

main().then((code) => process.exit(code), (error: Error) => {
  console.error(`restore failed: ${error.message}`);
  process.exit(1);
});
