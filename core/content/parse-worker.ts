import { parentPort } from 'node:worker_threads';
import { parseArticle, type ParsedArticle } from './parse-article.ts';

/** One job of the parse pool: an article's text in, parseArticle()'s result out (core/content/parse-pool.ts). */
export interface ParseJob {
  id: number;
  source: string;
}

export interface ParseReply {
  id: number;
  parsed: ParsedArticle;
}

function parseSafely(source: string): ParsedArticle {
  try {
    return parseArticle(source);
  } catch (error) {
    return { ok: false, diagnostics: [{ line: 1, column: 1, message: `could not be read: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` }] };
  }
}

parentPort?.on('message', (job: ParseJob) => {
  parentPort?.postMessage({ id: job.id, parsed: parseSafely(job.source) } satisfies ParseReply);
});
