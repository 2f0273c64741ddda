import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { messages } from '@core/i18n/messages.ts';
import { createArticle, deleteArticle, signIn, uniqueSlug } from './admin-helpers.ts';
import { asClient } from './complaints-helpers.ts';

test.describe.configure({ timeout: 180_000 });

const en = messages('en');

async function noAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('a customer searches, finds nothing, writes to us from the results page; an editor sees the query followed by a complaint', async ({ browser }) => {
  const query = `kettle whistles ${Date.now().toString(36)}`;
  const customer = await browser.newContext();
  const page = await customer.newPage();
  await asClient(page);
  await page.goto(`/en/search?q=${encodeURIComponent(query)}`);
  await expect(page.getByRole('heading', { level: 2, name: en.home.stillNeedHelp })).toBeVisible();
  await noAxeViolations(page);
  await page.getByRole('link', { name: en.home.writeToUs }).click();
  await expect(page).toHaveURL(/\/en\/complaints\/new\?search=\d+$/);
  const f = en.complaints.fields;
  await page.getByLabel(f.product).selectOption('aquawash');
  await page.getByLabel(f.subject).fill('The washing machine beeps all night');
  await page.getByLabel(f.description).fill('After the last wash the machine keeps beeping every few minutes until I unplug it.');
  await page.getByLabel(f.email).fill('beeping@example.com');
  await page.getByLabel(f.consent).check();
  await page.getByRole('button', { name: en.complaints.submit }).click();
  await expect(page).toHaveURL(/\/track\/.+\?new=1$/);
  await customer.close();

  const editor = await browser.newContext();
  const staff = await editor.newPage();
  await signIn(staff, 'editor', '/admin/search-insights');
  const table = staff.getByRole('table', { name: /Queries whose searchers then sent a complaint/ });
  const row = table.getByRole('row').filter({ hasText: query });
  await expect(row).toBeVisible();
  await expect(row.getByRole('cell').nth(2)).toHaveText('1');
  await noAxeViolations(staff);
  await row.getByRole('link', { name: new RegExp(`^Draft an article for this\\s*: ${query}$`) }).click();
  await expect(staff.getByLabel(/^Title/)).toHaveValue(query);
  await editor.close();
});

test('an agent reports a problem on an article; the editor sees it in the ranking, makes a task, and saving the article marks it done', async ({ browser }) => {
  const slug = uniqueSlug('report-problem');
  const title = `Descaling the BrewMaster ${slug}`;
  const editorContext = await browser.newContext();
  const editor = await editorContext.newPage();
  await signIn(editor, 'editor');
  const file = await createArticle(editor, { slug, title, body: 'Fill the tank with descaler and run two cycles.' });
  try {
    const agentContext = await browser.newContext();
    const agent = await agentContext.newPage();
    await signIn(agent, 'agent');
    await agent.goto(`/en/articles/${slug}`);
    await agent.getByText('Report a problem').click();
    const report = `The descaler amount is missing (${slug})`;
    await agent.getByLabel(/What is wrong with this article\?/).fill(report);
    await agent.getByRole('button', { name: 'Send the report' }).click();
    await expect(agent.getByRole('status').filter({ hasText: 'Thank you: the editors see your report.' })).toBeVisible();
    await agentContext.close();

    await editor.goto('/admin/article-feedback');
    const entry = editor.getByRole('listitem').filter({ has: editor.getByRole('heading', { name: new RegExp(title) }) });
    await expect(entry).toContainText(`Staff report: ${report}`);
    await expect(entry).toContainText('1 staff reports');
    const note = `Add the amount of descaler (${slug})`;
    await entry.getByLabel(`Task for ${title}`).fill(note);
    await entry.getByLabel('Assign to').selectOption({ index: 1 });
    await entry.getByRole('button', { name: 'Make a task' }).click();
    await expect(editor.getByText('The task was made.')).toBeVisible();
    const task = editor.getByRole('table', { name: /Open tasks first/ }).getByRole('row').filter({ hasText: note });
    await expect(task.getByRole('cell').last()).toHaveText('Open');

    await editor.goto(`/admin/articles/edit?file=${encodeURIComponent(file)}`);
    await editor.getByLabel('Body', { exact: true }).fill('Fill the tank with 500 ml of descaler and run two cycles.');
    await editor.getByRole('button', { name: 'Save and update the live article' }).click();
    await expect(editor.getByRole('status').filter({ hasText: 'Saved. The live article' })).toBeVisible();
    await editor.goto('/admin/article-feedback');
    await expect(task.getByRole('cell').last()).toHaveText(/^Done .+ \(article saved\)$/);
  } finally {
    await deleteArticle(editor, file);
    await editorContext.close();
  }
});
