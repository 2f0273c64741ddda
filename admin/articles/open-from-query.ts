import { errorPage } from '../http/responses.ts';
import type { ArticleEditor } from './editor.ts';
import { checkArticleFile, PathError } from './paths.ts';

export interface OpenedArticle {
  file: string;
  current: ReturnType<ArticleEditor['read']>;
}

/**
 * The article a staff page was asked for in `?file=`: checked against the path rules and read, or the
 * 400 page to answer instead when the path is not an article path.
 */
export function openFromQuery(editor: ArticleEditor, param: string | null): OpenedArticle | Response {
  try {
    const file = checkArticleFile(param ?? '');
    return { file, current: editor.read(file) };
  } catch (error) {
    if (!(error instanceof PathError)) throw error;
    return errorPage(400, 'Not an article path', `File: ${error.message}.`, { href: '/admin/articles', text: 'Back to the articles' });
  }
}
