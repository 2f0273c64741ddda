/**
 * npm run user:create -- --email a@b.c --role admin [--name "Ada Admin"]
 * The password is read from stdin when something is piped in (`printf '%s' "$PW" | npm run user:create ...`),
 * otherwise a strong one is generated and printed once.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { adminMigrations } from '../admin.ts';
import { recordAudit } from '@core/staff/audit.ts';
import { generatePassword, passwordSchema } from '../auth/password.ts';
import { roles } from '@core/staff/roles.ts';
import { SessionStore } from '../auth/session.ts';
import { ActionError } from '@core/staff/actions.ts';
import { UserStore } from '../users/users.ts';
import { config, ConfigError } from '@core/config/config.ts';
import { openDatabase } from '@core/db/database.ts';

const usage = `Usage: npm run user:create -- --email <address> --role <${roles.join('|')}> [--name <name>]
  Pipe a password into stdin to set it; otherwise one is generated and printed once.`;

const argsSchema = z.object({
  email: z.string({ required_error: 'is required' }).trim().max(254, 'must be at most 254 characters').email('must be an email address like name@example.com'),
  role: z.enum(roles, { errorMap: () => ({ message: `must be one of: ${roles.join(', ')}` }) }),
  name: z.string().trim().max(100, 'must be at most 100 characters').default(''),
});

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

async function main(): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({ options: { email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    return 1;
  }
  if (values.help) {
    console.info(usage);
    return 0;
  }
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`--${issue.path.join('.')}: ${issue.message}`);
    console.error(usage);
    return 1;
  }
  const piped = await readStdin();
  let password = piped;
  const generated = piped === '';
  if (generated) password = generatePassword();
  else {
    const checked = passwordSchema.safeParse(password);
    if (!checked.success) {
      console.error(`password (stdin): ${checked.error.issues[0]?.message}`);
      return 1;
    }
  }

  let dataDir: string;
  try {
    dataDir = config().dataDir;
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
  const db = openDatabase(path.join(dataDir, 'kb.sqlite'), adminMigrations);
  try {
    const users = new UserStore(db, new SessionStore(db));
    const user = await users.create({ email: parsed.data.email, name: parsed.data.name, role: parsed.data.role, password });
    recordAudit(db, { actorId: null, action: 'user.create', objectType: 'user', objectId: user.id, detail: { email: user.email, role: user.role, via: 'cli' } });
    console.info(`Created ${user.role} account ${user.email} (id ${user.id}) in ${dataDir}.`);
    if (generated) {
      // The only time this password is ever shown; it is stored only as an argon2id hash.
      process.stdout.write(`Password (shown once, store it safely): ${password}\n`);
    } else console.info('Password set from stdin.');
    return 0;
  } catch (error) {
    if (error instanceof ActionError) {
      console.error(`--${error.field}: ${error.message}`);
      return 2;
    }
    throw error;
  } finally {
    db.close();
  }
}

process.exitCode = await main();
