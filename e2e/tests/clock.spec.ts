// The operator's home and the simulated program clock. Moving the clock
// changes every date the other tests see, so this runs after them (see the
// projects in playwright.config.ts).
import { expect, test } from '@playwright/test';
import { accounts, signIn } from './support';

test('the operator sees counts per state and moves the clock', async ({ page }) => {
  await signIn(page, accounts.operator);
  await expect(page.locator('table.counts tbody tr')).toHaveCount(10);
  await expect(page.locator('table.counts')).toContainText('Reserved');
  await page.locator('nav.main-nav a[href="/clock"]').click();
  await expect(page.locator('.today')).toHaveText('Nov 2, 2020');
  await page.locator('#days').fill('0');
  await page.getByRole('button', { name: 'Move the clock forward' }).click();
  await expect(page.locator('#days-error')).toBeVisible();
  await expect(page.locator('#days')).toHaveValue('0');
  await page.locator('#days').fill('1');
  await page.getByRole('button', { name: 'Move the clock forward' }).click();
  await expect(page.locator('.alert.success')).toBeVisible();
  await expect(page.locator('.today')).toHaveText('Nov 3, 2020');
  // The clock only moves forward: a date before today is refused beside its
  // field, and the date stays.
  await page.locator('#date').fill('2020-11-02');
  await page.getByRole('button', { name: 'Set the date' }).click();
  await expect(page.locator('#date-error')).toBeVisible();
  await expect(page.locator('.today')).toHaveText('Nov 3, 2020');
});
