// A refused form shows every problem at once: a summary above the form,
// focused when the page loads, lists each problem as a link to its field, and
// each field carries its own message. No success message stands beside it.
import { Page, expect, test } from '@playwright/test';
import { accounts, review, signIn } from './support';

/** Opens the reservation form of a voucher assigned to Northwind. */
async function reservationForm(page: Page) {
  await signIn(page, accounts.northwindAdmin);
  await page.goto('/vouchers?state=assigned');
  const code = await page.locator('table.data a.code').first().innerText();
  await page.goto(`/vvr?code=${code}`);
  await page.locator('#customer_email').fill(accounts.tailspinAdmin);
  await page.locator('form[action="/vvr"] button[type="submit"]').click();
  await expect(page.locator('#accept_terms')).toBeVisible();
}

/** The summary is focused, links to exactly these fields, each of which shows its message. */
async function expectProblems(page: Page, fields: string[]) {
  const summary = page.locator('#error-summary');
  await expect(summary).toBeVisible();
  await expect(summary).toBeFocused();
  await expect(summary).toHaveAttribute('role', 'alert');
  const links = summary.locator('a');
  expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(
    fields.map((f) => `#${f}`),
  );
  for (const f of fields) {
    await expect(page.locator(`#${f}`)).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator(`#${f}-error`)).toBeVisible();
    await expect(page.locator(`#${f}`)).toHaveAttribute('aria-describedby', new RegExp(`${f}-error`));
  }
  await expect(page.locator('.alert.success')).toHaveCount(0);
}

test('the reservation form shows every problem at once under a focused summary', async ({ page }) => {
  await reservationForm(page);
  await expect(page.locator('.alert.success')).toBeVisible();
  // Nothing chosen, a date left out, the terms not accepted.
  await page.locator('#location').selectOption({ index: 0 });
  await page.locator('#consultant').selectOption({ index: 0 });
  await page.locator('#end_date').fill('2020-12-16');
  await page.locator('form[action$="/reserve"] button[type="submit"]').click();
  await expectProblems(page, ['accept_terms', 'location', 'consultant', 'start_date']);
  await expect(page.locator('#end_date')).toHaveValue('2020-12-16');
  await review(page, 'en', '50-reserve-every-problem');

  // A link of the summary leads to its field.
  await page.locator('#error-summary a[href="#consultant"]').click();
  await expect(page).toHaveURL(/#consultant$/);
  await expect(page.locator('#consultant')).toBeInViewport();

  // Dates in the wrong order are told at the end date, with the rest.
  await page.locator('#location').selectOption({ index: 0 });
  await page.locator('#consultant').selectOption({ index: 0 });
  await page.locator('#start_date').fill('2020-12-16');
  await page.locator('#end_date').fill('2020-12-14');
  await page.locator('form[action$="/reserve"] button[type="submit"]').click();
  await expectProblems(page, ['accept_terms', 'location', 'consultant', 'end_date']);
});

test('the sign-in form shows both missing fields at once', async ({ page }) => {
  await page.goto('/login');
  await page.locator('form[action="/login"] button[type="submit"]').click();
  await expectProblems(page, ['email', 'password']);
});
