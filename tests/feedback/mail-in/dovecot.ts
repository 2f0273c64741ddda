import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const dovecotBinary = process.env.DOVECOT_PATH ?? '/usr/sbin/dovecot';

export interface Dovecot {
  port: number;
  user: string;
  password: string;
  stop(): void;
}

function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = net.connect(port, '127.0.0.1');
      socket.setTimeout(5000, () => socket.destroy(new Error('no greeting')));
      socket.once('data', () => {
        socket.destroy();
        resolve();
      });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error(`Dovecot did not answer on 127.0.0.1:${port} within ${timeoutMs} ms`));
        else setTimeout(attempt, 200);
      });
    };
    attempt();
  });
}

/**
 * A real IMAP server for a test: Debian's Dovecot (installed by .ci/run when missing) with a config
 * written to a temporary folder, plaintext login on 127.0.0.1:<port>, one passwd-file user, Maildir in
 * the same folder. As root it drops to Dovecot's own users (imap-login refuses root); otherwise it runs
 * as the current user.
 */
export async function startDovecot(port: number): Promise<Dovecot> {
  if (!fs.existsSync(dovecotBinary)) throw new Error(`Dovecot is not installed at ${dovecotBinary}: apt-get install dovecot-imapd (or set DOVECOT_PATH)`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-dovecot-'));
  fs.chmodSync(dir, 0o755);
  const root = process.getuid?.() === 0;
  const me = os.userInfo().username;
  const mailUser = root ? 'dovecot' : me;
  const user = 'help';
  const password = 'imap-test-password';
  fs.mkdirSync(path.join(dir, 'mail'));
  if (root) execFileSync('chown', ['-R', 'dovecot:dovecot', path.join(dir, 'mail')]);
  fs.writeFileSync(path.join(dir, 'users'), `${user}:{PLAIN}${password}\n`);
  const conf = path.join(dir, 'dovecot.conf');
  fs.writeFileSync(
    conf,
    `base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = ${root ? 'dovecot' : me}
default_login_user = ${root ? 'dovenull' : me}
default_internal_group = ${root ? 'dovecot' : os.userInfo().username}
first_valid_uid = 1
mail_location = maildir:${dir}/mail/%u
passdb {
  driver = passwd-file
  args = ${dir}/users
}
userdb {
  driver = static
  args = uid=${mailUser} gid=${root ? 'dovecot' : mailUser} home=${dir}/mail/%u
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
service stats {
  unix_listener stats-writer {
    mode = 0666
  }
}
`,
  );
  // dovecot detaches but keeps the caller's stdout and stderr open: both go to a file, or the call never returns.
  const errors = path.join(dir, 'start.err');
  const out = fs.openSync(errors, 'w');
  const started = spawnSync(dovecotBinary, ['-c', conf], { stdio: ['ignore', out, out] });
  fs.closeSync(out);
  const report = () => `${fs.readFileSync(errors, 'utf8')}${fs.existsSync(path.join(dir, 'dovecot.log')) ? fs.readFileSync(path.join(dir, 'dovecot.log'), 'utf8') : ''}`;
  if (started.status !== 0) {
    const why = report();
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`Dovecot did not start: ${why}`);
  }
  try {
    await waitForPort(port, 30_000);
  } catch (error) {
    spawnSync(dovecotBinary, ['-c', conf, 'stop'], { stdio: 'ignore' });
    throw new Error(`${error instanceof Error ? error.message : error}\n${report()}`);
  }
  return {
    port,
    user,
    password,
    stop() {
      spawnSync(dovecotBinary, ['-c', conf, 'stop'], { stdio: 'ignore' });
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
