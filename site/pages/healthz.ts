import type { APIRoute } from 'astro';

export const GET: APIRoute = async ({ locals }) => {
  const { app } = locals;
  app.db.prepare('SELECT 1').get();
  const body = {
    status: 'ok',
    database: { engine: 'sqlite', journalMode: app.db.pragma('journal_mode', { simple: true }) },
    search: { engine: app.search.engine.name, documents: await app.search.engine.count() },
    content: { articles: app.content.all().length, filesWithProblems: app.content.problems.size },
  };
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' } });
};
