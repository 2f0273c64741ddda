import { expect, test } from '@playwright/test';
import { signIn } from './admin-helpers.ts';
import { fileByApi, t } from './complaints-helpers.ts';

test('an agent finds a complaint, sees why it was classified, replies, and the customer sees the reply', async ({ page, browser }) => {
  const filed = await fileByApi(page.request, {
    subject: 'Leaking <script>alert(1)</script> machine',
    description: 'My AquaWash leaks water from the door seal during every wash.',
  });
  await signIn(page, 'agent', '/admin/complaints');
  await page.getByLabel('Reference or subject').fill(filed.reference);
  await page.getByRole('button', { name: 'Filter' }).click();
  await page.getByRole('link', { name: filed.reference }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Leaking <script>alert(1)</script> machine');
  await expect(page.getByRole('heading', { name: 'Why this category' })).toBeVisible();
  await expect(page.locator('.explanation li').first()).toBeVisible();
  await expect(page.getByText('anna.virtanen@example.com')).toBeVisible();
  await expect(page.locator('.facts')).toContainText('R&D Laundry');

  await page.getByLabel('Internal note').fill('Checked the serial range: known seal batch.');
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(page.getByText('The note was added.')).toBeVisible();

  await page.getByLabel('Reply to the customer').fill('We are sorry. A technician will replace the door seal; which day suits you?');
  await page.getByLabel('Then set the status to').selectOption('waiting-for-customer');
  await page.getByRole('button', { name: 'Send reply' }).click();
  await expect(page.getByText('Your reply was saved')).toBeVisible();
  await expect(page.locator('#status-now')).toHaveText('Waiting for customer');

  // The customer, in a browser of their own.
  const customer = await browser.newContext();
  const c = await customer.newPage();
  const m = t('en');
  await c.goto(filed.trackingUrl);
  await expect(c.locator('#complaint-status')).toHaveText(m.track.statuses['waiting-for-customer']);
  await expect(c.locator('.timeline')).toContainText('A technician will replace the door seal');
  await expect(c.locator('.timeline')).not.toContainText('known seal batch');
  await c.getByLabel(m.track.replyLabel).fill('Thursday morning works.');
  await c.getByRole('button', { name: m.track.replySend }).click();
  await expect(c.locator('#complaint-status')).toHaveText(m.track.statuses['in-progress']);
  await customer.close();

  await page.reload();
  await expect(page.locator('#status-now')).toHaveText('In progress');
  await expect(page.locator('.timeline')).toContainText('Thursday morning works.');
});

test('a product-team member sees their complaints with customer details masked and cannot act', async ({ page }) => {
  const filed = await fileByApi(page.request, { product: 'frostline', subject: 'Fridge not cooling', description: 'The FrostLine fridge stopped cooling after two months, call me at +358 40 765 4321.', email: 'pekka.example@example.com', name: 'Pekka Virtanen' });
  await signIn(page, 'product', '/admin/complaints');
  await expect(page.getByText('customer names, email addresses and phone numbers are masked')).toBeVisible();
  await page.getByLabel('Reference or subject').fill(filed.reference);
  await page.getByRole('button', { name: 'Filter' }).click();
  await page.getByRole('link', { name: filed.reference }).click();
  const facts = page.locator('.facts');
  await expect(facts).toContainText('p•••@e•••.com');
  await expect(facts).toContainText('P. V.');
  await expect(facts).not.toContainText('pekka.example@example.com');
  await expect(page.locator('body')).not.toContainText('765 4321');
  await expect(page.getByRole('button', { name: 'Send reply' })).toHaveCount(0);
});

test('an agent records a phone complaint and the channel is kept', async ({ page }) => {
  await signIn(page, 'agent', '/admin/complaints/new');
  await page.getByLabel('Received by').selectOption('phone');
  await page.getByLabel('Customer’s language').selectOption('el');
  await page.getByLabel('Product').selectOption('pureair');
  await page.getByLabel('Subject').fill('Ο καθαριστής αέρα κάνει θόρυβο');
  await page.getByLabel('What happened').fill('Ο πελάτης τηλεφώνησε: ο καθαριστής αέρα PureAir κάνει δυνατό θόρυβο από χθες.');
  await page.getByRole('button', { name: 'Record complaint' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Complaint recorded');
  await expect(page.locator('.secret')).toContainText('/track/');
  await page.getByRole('link', { name: 'Open the complaint' }).click();
  await expect(page.locator('.facts')).toContainText('Phone (recorded by');
  await page.goto('/admin/complaints?channel=phone');
  await expect(page.locator('.complaints-table')).toContainText('Ο καθαριστής αέρα κάνει θόρυβο');
});

test('an admin adds a routing rule and a keyword rule', async ({ page }) => {
  await signIn(page, 'admin', '/admin/routing');
  const form = page.locator('#rule-form');
  await form.getByLabel('Category').selectOption('delivery');
  await form.getByLabel('Product').selectOption('sweepbot');
  await form.getByLabel('Team').selectOption('rd-robotics');
  await form.getByLabel('Note').fill('Robot deliveries need calibration checks');
  await form.getByRole('button', { name: 'Add rule' }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
  await page.getByLabel('Where would a complaint go?').getByLabel('Category').selectOption('delivery');
  await page.getByLabel('Where would a complaint go?').getByLabel('Product').selectOption('sweepbot');
  await page.getByRole('button', { name: 'Where would it go?' }).click();
  await expect(page.locator('#try-result')).toContainText('R&D Robotics');

  await page.goto('/admin/routing/keywords');
  const rule = page.locator('#rule-form');
  await rule.getByLabel('Language').selectOption('fi');
  await rule.getByLabel('Category').selectOption('repair-service');
  await rule.getByLabel('Keywords, one per line').fill('huoltokäynti\nhuoltomies ei tullut');
  await rule.getByRole('button', { name: 'Add rule' }).click();
  await expect(page.getByText('The rule was saved.')).toBeVisible();
  await page.getByLabel('Complaint text').fill('Huoltomies ei tullut sovittuna päivänä.');
  await page.getByLabel('Language', { exact: true }).last().selectOption('fi');
  await page.getByRole('button', { name: 'Classify' }).click();
  await expect(page.locator('#try-result')).toContainText('Repair and after-sales service');
  await expect(page.locator('#try-result')).toContainText('keyword rule');
});
