import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileOffsetClock } from '@feedback/clock.ts';

describe('fileOffsetClock (KB_CLOCK_FILE)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-clock-'));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('adds the offset in the file to the real time, read at each call', () => {
    const file = path.join(dir, 'offset');
    const clock = fileOffsetClock(file);
    const near = (expected: number) => expect(Math.abs(clock.now().getTime() - expected)).toBeLessThan(1000);
    near(Date.now()); // no file yet: no offset
    fs.writeFileSync(file, `${13 * 3_600_000}\n`);
    near(Date.now() + 13 * 3_600_000);
    fs.writeFileSync(file, 'not a number'); // keeps the last offset
    near(Date.now() + 13 * 3_600_000);
    fs.writeFileSync(file, '-60000');
    near(Date.now() - 60_000);
    fs.rmSync(file);
    near(Date.now());
  });
});
