import type { APIRoute } from 'astro';
import { errorPage } from '@admin/http/responses.ts';
import { readForm, redirect } from '@admin/http/form.ts';
import { notFound } from '@core/http/responses.ts';

/** POST: a staff reply on this complaint becomes the draft of a reply template, for an editor to publish. */
export const POST: APIRoute = async ({ params, locals, request }) => {
  const { app, member } = locals;
  const form = await readForm(request);
  const draft = app.feedback.handling.replyDraft(member, params.id, Number(form.eventId));
  if (!draft) return notFound();
  const result = app.admin.articles.proposeTemplate(member, draft);
  if (!result.ok) return errorPage(result.status, 'The draft was not made', Object.values(result.errors).join(' '), { href: `/admin/complaints/${params.id}`, text: 'Back to the complaint' });
  return redirect(`/admin/complaints/${params.id}?done=proposed&draft=${encodeURIComponent(result.value.file)}`);
};
