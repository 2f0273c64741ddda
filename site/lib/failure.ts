import { errorPage } from '@admin/http/responses.ts';
import { json } from '@core/http/responses.ts';
import { bodyTooLargeLimit } from '@core/http/limited-body.ts';
import { logEvent } from '@core/log/log.ts';

function answer(pathname: string, status: number, title: string, message: string): Response {
  if (pathname.startsWith('/api/') || pathname === '/healthz' || pathname === '/readyz') return json({ error: message }, status);
  return errorPage(status, title, message, { href: '/', text: 'Go to the help center' });
}

/**
 * What a request answers when its route threw: 413 for a body past a limit (the route read it after the
 * portal-wide cap cut it off), otherwise 500 naming the request id, logged here once with that id and the
 * route (never the path, which can hold tracking tokens), so an operator finds the stack from the id.
 */
export function failureResponse(error: unknown, pathname: string, route: string, requestId: string): Response {
  const limit = bodyTooLargeLimit(error);
  if (limit !== undefined) {
    const response = answer(pathname, 413, 'Too large', `The request body is larger than the ${limit} bytes this portal accepts.`);
    // The rest of the body is never read: close the connection instead of draining it.
    response.headers.set('Connection', 'close');
    return response;
  }
  const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
  logEvent('error', 'request.failed', { requestId, route, error: stack });
  return answer(pathname, 500, 'Something went wrong', `Something went wrong on our side. If it keeps happening, tell us this request id: ${requestId}.`);
}
