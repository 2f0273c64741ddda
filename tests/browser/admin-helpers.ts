import fs from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';

export const roles = ['admin', 'editor', 'agent', 'product', 'trainee'] as const;
export type Role = (typeof roles)[number];

export const demo = (role: Role) => ({ email: `${role}@kestrel-home.example`, password: `demo-${role}-password` });

export async function signIn(page: Page, role: Role, next?: string): Promise<void> {
  await page.goto(next ? `/admin/signin?next=${encodeURIComponent(next)}` : '/admin/signin');
  await page.getByLabel('Email address').fill(demo(role).email);
  await page.getByLabel('Password', { exact: true }).fill(demo(role).password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(next ? new RegExp(`${next.replace(/[?]/g, '\\?')}$`) : /\/admin$/);
}

/** A slug no other test run uses, so tests never touch the demo articles. */
export function uniqueSlug(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`;
}

export interface NewArticle {
  slug: string;
  title: string;
  body: string;
  audience?: 'public' | 'internal';
}

/** Creates and publishes an English FAQ article through the editor; returns its file. */
export async function createArticle(page: Page, a: NewArticle): Promise<string> {
  await page.goto('/admin/articles/new');
  await page.getByLabel('Title').fill(a.title);
  await page.getByLabel('Summary').fill(`Summary of ${a.title}.`);
  await page.getByLabel('Language').selectOption('en');
  await page.getByLabel('Address (slug)').fill(a.slug);
  await page.getByLabel('Category').selectOption('faq');
  if (a.audience) await page.getByLabel('Audience').selectOption(a.audience);
  await page.getByLabel('Translation key').fill(a.slug);
  await page.getByLabel('Body', { exact: true }).fill(a.body);
  await page.getByRole('button', { name: 'Publish' }).click();
  const file = `en/faq/${a.slug}.mdx`;
  await expect(page).toHaveURL(`/admin/articles/edit?file=${encodeURIComponent(file)}&done=created-published`);
  return file;
}

/** Soft-deletes through the editor; the file is also removed from disk if a test failed half-way. */
export async function deleteArticle(page: Page, file: string): Promise<void> {
  try {
    await page.goto(`/admin/articles/edit?file=${encodeURIComponent(file)}`);
    if (await page.getByText('Delete this article').isVisible()) {
      await page.getByText('Delete this article').click();
      await page.getByRole('button', { name: 'Delete the article' }).click();
      await expect(page).toHaveURL(/done=deleted/);
    }
  } finally {
    fs.rmSync(path.join('content', file), { force: true });
  }
}
