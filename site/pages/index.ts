import type { APIRoute } from 'astro';
import { negotiateLocale } from '@core/i18n/locales.ts';

/** Sends visitors to the help center in the language their browser asks for. */
export const GET: APIRoute = ({ request }) => {
  const locale = negotiateLocale(request.headers.get('accept-language'));
  return new Response(null, { status: 302, headers: { Location: `/${locale}/`, Vary: 'Accept-Language' } });
};
