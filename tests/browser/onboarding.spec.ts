import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { createArticle, deleteArticle, signIn, uniqueSlug, type Role } from './admin-helpers.ts';

test.setTimeout(240_000);

async function as(browser: Browser, role: Role): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, role);
  return page;
}

/** A track file in the served content folder (tracks are content), naming one article, with one question. */
function writeTrack(id: string, articleKey: string): string {
  const file = path.join('content', 'onboarding', `${id}.yaml`);
  fs.writeFileSync(
    file,
    `title:\n  en: Test track ${id}\ndescription:\n  en: A track made by a browser test.\nsteps:\n  - article: ${articleKey}\n    questions:\n      - kind: single\n        prompt: { en: Which colour is the cable? }\n        options:\n          - text: { en: Blue }\n            correct: true\n          - text: { en: Red }\n        explanation: { en: The cable is blue because the article says so. }\n`,
  );
  return file;
}

async function editBody(editor: Page, file: string, append: string, minor: boolean): Promise<void> {
  await editor.goto(`/admin/articles/edit?file=${encodeURIComponent(file)}`);
  const body = editor.getByLabel('Body', { exact: true });
  await body.fill(`${await body.inputValue()}\n\n${append}\n`);
  if (minor) await editor.getByLabel('Minor change (typo fix)').check();
  await editor.getByRole('button', { name: 'Save and update the live article' }).click();
  await expect(editor).toHaveURL(/done=saved/);
}

test('a trainee follows a track, re-reads a changed article, and a manager sees completion and downloads it', async ({ browser }) => {
  const slug = uniqueSlug('onboarding-cable');
  const editor = await as(browser, 'editor');
  const file = await createArticle(editor, { slug, title: `Cable colours ${slug}`, audience: 'internal', body: 'The cable is blue.\n\n- [ ] Unplug the device\n- [ ] Check the blue cable' });
  const trackFile = writeTrack(slug, slug);
  try {
    const admin = await as(browser, 'admin');
    await admin.goto('/admin/onboarding/manage');
    await admin.getByRole('combobox', { name: /^Track/ }).selectOption(slug);
    await admin.getByRole('combobox', { name: /^To/ }).selectOption({ label: 'Tove Trainee (trainee@kestrel-home.example)' });
    await admin.getByRole('button', { name: 'Assign' }).click();
    await expect(admin.getByRole('status')).toHaveText('The track was assigned.');

    // The trainee finds the track and its next article.
    const trainee = await as(browser, 'trainee');
    await trainee.getByRole('link', { name: 'Onboarding' }).first().click();
    const card = trainee.getByRole('listitem').filter({ has: trainee.getByRole('link', { name: `Test track ${slug}` }) });
    await expect(card).toContainText('0 of 1 steps done');
    await card.getByRole('link', { name: `Cable colours ${slug}` }).click();
    await expect(trainee.getByText(`Step 1 of 1 in Test track ${slug}`)).toBeVisible();

    // Checklist: ticked by clicking the item's text, saved without JavaScript, kept after a reload.
    await trainee.getByText('Check the blue cable').click();
    await trainee.getByRole('button', { name: 'Save my checklist' }).click();
    await expect(trainee.getByRole('status')).toHaveText('Your checklist was saved.');
    await trainee.reload();
    await expect(trainee.getByRole('checkbox', { name: 'Check the blue cable' })).toBeChecked();
    await expect(trainee.getByRole('checkbox', { name: 'Unplug the device' })).not.toBeChecked();

    await trainee.getByRole('button', { name: 'I have read this' }).click();
    await expect(trainee.getByRole('status')).toHaveText('Recorded: you read this version.');

    // A question: refused without an answer, wrong then right, explained after submitting.
    await trainee.getByRole('button', { name: 'Check my answers' }).click();
    await expect(trainee.getByRole('alert')).toContainText('Question 1: choose one answer');
    await trainee.getByRole('radio', { name: 'Red' }).check();
    await trainee.getByRole('button', { name: 'Check my answers' }).click();
    await expect(trainee.getByText('Not quite.')).toBeVisible();
    await expect(trainee.getByText('The cable is blue because the article says so.')).toBeVisible();
    await trainee.getByRole('radio', { name: /Blue/ }).check();
    await trainee.getByRole('button', { name: 'Check my answers' }).click();
    await expect(trainee.getByText('Right.')).toBeVisible();
    await trainee.getByRole('link', { name: `Test track ${slug}` }).click();
    await expect(trainee.getByText('1 of 1 steps done: complete')).toBeVisible();

    // A minor change asks nothing; a real one marks the step with what changed.
    await editBody(editor, file, 'Typo fixd.', true);
    await trainee.reload();
    await expect(trainee.getByText('1 of 1 steps done: complete')).toBeVisible();
    await editBody(editor, file, 'From December the cable is green.', false);
    await trainee.reload();
    await expect(trainee.getByText('Changed since you read it')).toBeVisible();
    await trainee.getByRole('link', { name: `Cable colours ${slug}` }).click();
    const changed = trainee.getByRole('region', { name: 'Changed since you read it' });
    await expect(changed.locator('ins')).toContainText(['From December the cable is green.']);
    await trainee.getByRole('button', { name: 'I have read the changes' }).click();
    await expect(trainee.getByRole('region', { name: 'Changed since you read it' })).toHaveCount(0);

    // The manager sees completion and downloads it.
    await admin.goto('/admin/onboarding/manage');
    const row = admin.getByRole('row').filter({ hasText: 'Tove Trainee' }).filter({ hasText: `Test track ${slug}` });
    await expect(row).toContainText('Complete');
    await expect(row).toContainText('1 of 1');
    const download = admin.waitForEvent('download');
    await admin.getByRole('link', { name: 'Download as CSV' }).click();
    const csv = fs.readFileSync((await (await download).path())!, 'utf8');
    expect(csv).toMatch(new RegExp(`Tove Trainee,trainee@kestrel-home\\.example,trainee,${slug},Test track ${slug},1,1,complete,\\d{4}-\\d\\d-\\d\\dT[^,]+,1/1,0`));
  } finally {
    fs.rmSync(trackFile, { force: true });
    await deleteArticle(editor, file);
  }
});

test('an agent who leads nobody cannot open the managers’ page or the export', async ({ browser }) => {
  const agent = await as(browser, 'agent');
  const page = await agent.goto('/admin/onboarding/manage');
  expect(page?.status()).toBe(403);
  const csv = await agent.request.get('/admin/onboarding/manage/export');
  expect(csv.status()).toBe(403);
});
