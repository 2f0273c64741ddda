import { diffLines } from 'diff';

export interface DiffLine {
  kind: 'same' | 'add' | 'del' | 'gap';
  oldNo?: number;
  newNo?: number;
  text: string;
}

export interface LineDiff {
  lines: DiffLine[];
  added: number;
  removed: number;
}

function splitLines(value: string): string[] {
  const lines = value.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/**
 * A line diff for people: changed lines with `context` unchanged lines around them, longer unchanged
 * stretches folded into a gap line that says how many lines it hides.
 */
export function lineDiff(before: string, after: string, context = 3): LineDiff {
  const all: DiffLine[] = [];
  let oldNo = 1;
  let newNo = 1;
  let added = 0;
  let removed = 0;
  for (const part of diffLines(before.replace(/\r\n?/g, '\n'), after.replace(/\r\n?/g, '\n'))) {
    for (const text of splitLines(part.value)) {
      if (part.added) {
        all.push({ kind: 'add', newNo: newNo++, text });
        added++;
      } else if (part.removed) {
        all.push({ kind: 'del', oldNo: oldNo++, text });
        removed++;
      } else {
        all.push({ kind: 'same', oldNo: oldNo++, newNo: newNo++, text });
      }
    }
  }
  const keep = all.map(() => false);
  all.forEach((line, i) => {
    if (line.kind === 'same') return;
    for (let j = Math.max(0, i - context); j <= Math.min(all.length - 1, i + context); j++) keep[j] = true;
  });
  const lines: DiffLine[] = [];
  let hidden = 0;
  all.forEach((line, i) => {
    if (keep[i]) {
      if (hidden) lines.push({ kind: 'gap', text: `${hidden} unchanged line${hidden === 1 ? '' : 's'}` });
      hidden = 0;
      lines.push(line);
    } else hidden++;
  });
  if (hidden && lines.length) lines.push({ kind: 'gap', text: `${hidden} unchanged line${hidden === 1 ? '' : 's'}` });
  return { lines, added, removed };
}
