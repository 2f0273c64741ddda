import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ParsedArticle } from './parse-article.ts';
import type { ParseJob, ParseReply } from './parse-worker.ts';

export interface ParsePoolOptions {
  /** Worker threads at most; they start when first needed. */
  size?: number;
  /** A parse that runs longer is stopped: its worker is ended and replaced, the article gets a diagnostic. */
  timeoutMs?: number;
  /** Heap of each worker; a parse that needs more ends that worker only. */
  maxHeapMb?: number;
  /** Jobs waiting for a worker at most; one more is answered "busy" at once instead of piling up memory. */
  maxQueue?: number;
}

/** Long enough for the largest article a loaded machine can parse (1 MiB took about 20 s on 2 busy cores). */
export const defaultParseTimeoutMs = 45_000;
export const defaultParseQueue = 64;

/**
 * Set by astro.config.mjs in the built server: the URL of the worker chunk it emits. Absent when running
 * from sources, where the worker loads through tsx.
 */
declare const __PARSE_WORKER_URL__: string | undefined;

function workerUrl(): URL {
  return typeof __PARSE_WORKER_URL__ === 'string' ? new URL(__PARSE_WORKER_URL__) : new URL('./parse-worker-source.mjs', import.meta.url);
}

interface Pending {
  job: ParseJob;
  resolve: (parsed: ParsedArticle) => void;
}

interface Slot {
  worker: Worker;
  busy?: Pending & { timer: NodeJS.Timeout };
}

function failed(message: string): ParsedArticle {
  return { ok: false, diagnostics: [{ line: 1, column: 1, message }] };
}

/**
 * Parses articles in worker threads, so a large or hostile text never holds up the requests of others,
 * and a parse that overruns its time is stopped. Jobs wait in order for a free worker. Used by the staff
 * preview and the editor's save; start-up parsing can hand it all files at once (parse() per file).
 */
export class ParsePool {
  private readonly size: number;
  private readonly timeoutMs: number;
  private readonly maxHeapMb: number;
  private readonly maxQueue: number;
  private readonly slots = new Set<Slot>();
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;

  constructor(options: ParsePoolOptions = {}) {
    this.size = Math.max(1, options.size ?? Math.min(2, os.availableParallelism()));
    this.timeoutMs = options.timeoutMs ?? defaultParseTimeoutMs;
    this.maxHeapMb = options.maxHeapMb ?? 256;
    this.maxQueue = Math.max(1, options.maxQueue ?? defaultParseQueue);
  }

  /** parseArticle(source) in a worker; never rejects: a stopped or failed parse is a diagnostic. */
  parse(source: string): Promise<ParsedArticle> {
    if (this.closed) return Promise.resolve(failed('the parser is shutting down; try again'));
    // Jobs wait only while every worker is busy, so a full queue means the pool is saturated.
    if (this.queue.length >= this.maxQueue) {
      const n = this.queue.length;
      return Promise.resolve(failed(`the parser is busy (${n} article${n === 1 ? '' : 's'} waiting); try again in a moment`));
    }
    return new Promise((resolve) => {
      this.queue.push({ job: { id: this.nextId++, source }, resolve });
      this.dispatch();
    });
  }

  /** Ends the workers; jobs still waiting get a diagnostic. */
  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.queue.splice(0)) pending.resolve(failed('the parser is shutting down; try again'));
    await Promise.all([...this.slots].map((slot) => this.retire(slot, failed('the parser is shutting down; try again'))));
  }

  private dispatch(): void {
    while (this.queue.length) {
      const slot = [...this.slots].find((s) => !s.busy) ?? (this.slots.size < this.size ? this.spawn() : undefined);
      if (!slot) return;
      const pending = this.queue.shift()!;
      const timer = setTimeout(() => {
        void this.retire(slot, failed(`took longer than ${this.timeoutMs / 1000} s to parse and was stopped; split the article or simplify its Markdown`));
        this.dispatch();
      }, this.timeoutMs);
      slot.busy = { ...pending, timer };
      slot.worker.ref();
      slot.worker.postMessage(pending.job);
    }
  }

  private spawn(): Slot {
    const worker = new Worker(workerUrl(), { resourceLimits: { maxOldGenerationSizeMb: this.maxHeapMb } });
    const slot: Slot = { worker };
    worker.on('message', (reply: ParseReply) => {
      if (slot.busy?.job.id !== reply.id) return;
      this.finish(slot, reply.parsed);
      this.dispatch();
    });
    // A crash (out of memory, a bug in the worker) costs the job it was running, then a fresh worker takes over.
    const lost = (reason: string) => {
      if (!this.slots.has(slot)) return;
      this.slots.delete(slot);
      if (slot.busy) this.finish(slot, failed(`could not be parsed: ${reason}`));
      this.dispatch();
    };
    worker.on('error', (error) => lost(error.message.split('\n')[0] ?? 'the parser failed'));
    worker.on('exit', (code) => lost(`the parser stopped (exit code ${code})`));
    this.slots.add(slot);
    return slot;
  }

  private finish(slot: Slot, parsed: ParsedArticle): void {
    const busy = slot.busy;
    if (!busy) return;
    clearTimeout(busy.timer);
    slot.busy = undefined;
    // An idle worker must not keep a command-line tool's process alive.
    slot.worker.unref();
    busy.resolve(parsed);
  }

  private async retire(slot: Slot, outcome: ParsedArticle): Promise<void> {
    this.slots.delete(slot);
    this.finish(slot, outcome);
    await slot.worker.terminate();
  }
}
