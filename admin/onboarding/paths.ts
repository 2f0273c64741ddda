import type { Article } from '@core/content/article.ts';
import { canView } from '@core/content/article.ts';
import { defaultLocale, type Locale } from '@core/i18n/locales.ts';
import type { ContentStore } from '@core/content/store.ts';
import type { StaffMember } from '@core/staff/users.ts';
import type { Assignment } from './progress-store.ts';
import type { Track } from './track-file.ts';

const staffViewer = { kind: 'staff' } as const;

/** The tracks a person follows: those made for their role, assigned to their role, or assigned to them. */
export function tracksOf(person: Pick<StaffMember, 'id' | 'role'>, tracks: Track[], assignments: Assignment[]): Track[] {
  const assigned = new Set(assignments.filter((a) => a.userId === person.id || a.role === person.role).map((a) => a.trackId));
  return tracks.filter((t) => t.roles.includes(person.role) || assigned.has(t.id));
}

/**
 * The article a step names, as a staff member may see it: their locale, else English (marked as a
 * fallback), else any published language. Undefined when no version is visible: the step was removed.
 */
export function stepArticle(content: ContentStore, translationKey: string, locale: Locale): { article: Article; fallback: boolean } | undefined {
  const versions = content.all().filter((a) => a.meta.translationKey === translationKey && canView(a, staffViewer));
  const own = versions.find((a) => a.locale === locale);
  if (own) return { article: own, fallback: false };
  const other = versions.find((a) => a.locale === defaultLocale) ?? versions[0];
  return other && { article: other, fallback: true };
}

export function trackUrl(trackId: string, locale: Locale): string {
  return `/admin/onboarding/${trackId}${locale === defaultLocale ? '' : `?locale=${locale}`}`;
}

export function stepUrl(trackId: string, translationKey: string, locale: Locale): string {
  return `/admin/onboarding/${trackId}/${translationKey}${locale === defaultLocale ? '' : `?locale=${locale}`}`;
}
