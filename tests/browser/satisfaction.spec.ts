import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './admin-helpers.ts';
import { asClient, t } from './complaints-helpers.ts';

async function expectNoAxeViolations(page: Page, include: string): Promise<void> {
  const results = await new AxeBuilder({ page }).include(include).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('a customer rates a resolved complaint once, without JavaScript, and the staff inbox shows the average', async ({ page, browser }) => {
  const m = t('en');
  const s = m.satisfaction;
  const subject = `Door seal leaks ${Date.now().toString(36)}`;

  // The customer files a complaint through the public form, in a browser of their own with JavaScript off.
  const customer = await browser.newContext({ javaScriptEnabled: false });
  const c = await customer.newPage();
  const address = await asClient(c);
  await c.goto('/en/complaints/new');
  await c.getByLabel(m.fields.product).selectOption({ label: 'AquaWash' });
  await c.getByLabel(m.fields.subject).fill(subject);
  await c.getByLabel(m.fields.description).fill('My AquaWash leaks water from the door seal during every wash.');
  await c.getByLabel(m.fields.email).fill('rita.customer@example.com');
  await c.getByLabel(m.fields.consent).check();
  await c.getByRole('button', { name: m.submit }).click();
  await expect(c).toHaveURL(/\/track\/[A-Za-z0-9_-]{20,}\?new=1$/);
  const reference = ((await c.locator('.reference').textContent()) ?? '').trim();
  expect(reference).toMatch(/^C-\d{4}-\d{6}$/);
  const trackingPath = new URL(c.url()).pathname;
  // Not resolved yet: nothing to rate.
  await expect(c.getByRole('group', { name: s.ratingLegend })).toHaveCount(0);

  // The agent answers and resolves it.
  await signIn(page, 'agent', '/admin/complaints');
  await page.getByLabel('Reference or subject').fill(reference);
  await page.getByRole('button', { name: 'Filter' }).click();
  await page.getByRole('link', { name: reference }).click();
  await page.getByLabel('Reply to the customer').fill('We replaced the door seal under warranty; the machine is tight again.');
  await page.getByLabel('Then set the status to').selectOption({ label: 'Resolved' });
  await page.getByRole('button', { name: 'Send reply' }).click();
  await expect(page.getByText('Your reply was saved')).toBeVisible();
  await expect(page.locator('#status-now')).toHaveText('Resolved');

  // The customer opens the tracking link: the rating form, a field error that keeps what was typed, then the rating.
  await c.goto(trackingPath);
  await expect(c.locator('#complaint-status')).toHaveText(m.track.statuses.resolved);
  const choices = c.getByRole('group', { name: s.ratingLegend });
  await expect(choices.getByRole('radio')).toHaveCount(5);
  await c.getByLabel(s.commentLabel).fill('Quick and friendly, thank you.');
  await c.getByRole('button', { name: s.submit }).click();
  await expect(c.locator('#f-rating-error')).toHaveText(s.errors.rating(1, 5));
  await expect(c.getByLabel(s.commentLabel)).toHaveValue('Quick and friendly, thank you.');
  // axe needs JavaScript: the same form with its error, checked in a second browser.
  const checker = await browser.newContext();
  const a = await checker.newPage();
  await asClient(a);
  await a.goto(trackingPath);
  await a.getByRole('button', { name: s.submit }).click();
  await expect(a.locator('#f-rating-error')).toBeVisible();
  await expectNoAxeViolations(a, '#satisfaction');
  await checker.close();
  await choices.getByLabel(s.ratingLabels[3]).check();
  await c.getByRole('button', { name: s.submit }).click();
  await expect(c).toHaveURL(/\?rated=1#satisfaction$/);
  await expect(c.getByText(s.thanks)).toBeVisible();
  await expect(c.locator('#your-rating')).toContainText(s.yourRating(4, 5));
  await expect(c.locator('#your-rating')).toContainText('Quick and friendly, thank you.');
  await expect(c.getByRole('button', { name: s.submit })).toHaveCount(0);

  // A second rating (an old copy of the form sent again) is refused with a clear message.
  const again = await c.request.post(trackingPath, {
    headers: { 'X-Forwarded-For': address, Origin: new URL(c.url()).origin },
    form: { intent: 'rate', rating: '1', comment: 'Second try' },
    maxRedirects: 0,
  });
  expect(again.status()).toBe(409);
  expect(await again.text()).toContain(s.errors.alreadyRated);
  await customer.close();

  // Staff see the average in the inbox, per agent and with the comment; the complaint's timeline shows the rating.
  await page.goto('/admin/complaints');
  const section = page.locator('section.satisfaction');
  await expect(section.getByRole('heading', { name: 'Customer satisfaction' })).toBeVisible();
  await expect(section.locator('#satisfaction-overall')).toContainText(/Average rating \d\.\d of 5/);
  await expect(section.locator('#satisfaction-agent').getByRole('row', { name: /Agnes Agent/ })).toContainText('4.0');
  await expectNoAxeViolations(page, 'section.satisfaction');
  const comment = section.locator('.satisfaction-comments li', { hasText: reference });
  await expect(comment).toContainText('4 of 5');
  await expect(comment).toContainText('Quick and friendly, thank you.');
  await comment.getByRole('link', { name: reference }).click();
  await expect(page.locator('.timeline')).toContainText('Rated 4 of 5 by the customer');
  await expect(page.locator('.timeline')).not.toContainText('Second try');
});
