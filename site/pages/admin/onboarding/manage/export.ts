import type { APIRoute } from 'astro';

/** Completion of the people the signed-in manager may see, as CSV (403 for anyone who manages nobody). */
export const GET: APIRoute = ({ locals }) => {
  const csv = locals.app.admin.onboarding.manager.csv(locals.member);
  if (csv === undefined) return new Response('You do not manage anyone’s onboarding.', { status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  return new Response(`\uFEFF${csv}`, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="onboarding-completion-${new Date().toISOString().slice(0, 10)}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
};
