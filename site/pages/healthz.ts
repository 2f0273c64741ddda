import type { APIRoute } from 'astro';
import { databaseHealth } from '@core/db/database.ts';
import { json } from '@core/http/responses.ts';

export const GET: APIRoute = async ({ locals }) => {
  const { app } = locals;
  return json({
    status: 'ok',
    database: databaseHealth(app.db),
    search: { engine: app.search.engine.name, documents: await app.search.engine.count() },
    content: { articles: app.content.count(), filesWithProblems: app.content.problems.size },
  });
};
