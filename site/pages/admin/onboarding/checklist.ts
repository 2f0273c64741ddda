import type { APIRoute } from 'astro';
import { checklistFormId } from '@admin/onboarding/checklist.ts';
import { readForm, redirect, safeNext } from '@admin/http/form.ts';

/** Saves the signed-in person's ticks of an article's checklist, then goes back to the article. */
export const POST: APIRoute = async ({ locals, request }) => {
  const form = await readForm(request);
  const result = locals.app.admin.onboarding.checklists.save(locals.member, form);
  const back = safeNext(form.next, result.ok ? `/${result.value.article.locale}/articles/${result.value.article.slug}` : '/admin/onboarding');
  return redirect(`${back}${back.includes('?') ? '&' : '?'}checklist=${result.ok ? 'saved' : 'error'}#${checklistFormId}`);
};

export const GET: APIRoute = () => redirect('/admin/onboarding', 302);
