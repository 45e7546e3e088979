// Voucher lists that serve a program, in every locale: the filters, search and
// sort without JavaScript, the export links, the days left; the cancel
// confirmation and the project-manager page — each axe-clean and 390 px wide.
import { Page, expect, test } from '@playwright/test';
import { LOCALES, accounts, expectAccessible, expectTranslated, signIn, useLang } from './support';

const WIDTH = 390;

async function expectFits(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${page.url()} is ${width}px wide`).toBeLessThanOrEqual(WIDTH);
}

for (const lang of LOCALES) {
  test(`lists filter, sort and export in ${lang}`, async ({ browser, baseURL }) => {
    test.slow();
    const context = await browser.newContext({ viewport: { width: WIDTH, height: 844 } });
    await useLang(context, lang, baseURL!);
    const page = await context.newPage();
    await signIn(page, accounts.tailspinAdmin);
    await expectAccessible(page);
    await expectFits(page);

    await page.goto('/vouchers');
    await page.locator('input[name="state"][value="assigned"]').check();
    await page.locator('input[name="state"][value="created"]').check();
    await page.locator('#sort').selectOption('expiry');
    await page.locator('form[role="search"] button[type="submit"]').click();
    await expect(page).toHaveURL(/sort=expiry/);
    await expect(page.locator('input[name="state"][value="assigned"]')).toBeChecked();
    await expectTranslated(page);
    await expectAccessible(page);
    await expectFits(page);
    const xlsx = page.locator('a[href^="/vouchers/export.xlsx"]');
    await expect(xlsx).toHaveAttribute('href', /state=assigned%2Ccreated|state=created%2Cassigned/);
    const res = await page.request.get((await xlsx.getAttribute('href'))!);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-disposition']).toMatch(/^attachment; filename="vouchers-.*\.xlsx"$/);

    // A voucher that can be cancelled: the confirmation page, then back.
    const code = await page.locator('table.data a.code').first().innerText();
    await page.goto(`/vouchers/${code}`);
    const cancel = page.locator(`a[href="/vouchers/${code}/cancel"]`);
    if (await cancel.count()) {
      await cancel.click();
      await expect(page.locator('#reason')).toBeVisible();
      await expectTranslated(page);
      await expectAccessible(page);
      await expectFits(page);
    }
    await page.goto(`/vouchers/${code}/project-manager`);
    if (page.url().endsWith('/project-manager')) {
      await expectTranslated(page);
      await expectAccessible(page);
      await expectFits(page);
    }
    await context.close();
  });
}

test('a consultant sees the engagements assigned to them, read-only', async ({ page }) => {
  await signIn(page, accounts.northwindConsultant);
  await page.goto('/vouchers');
  await expectAccessible(page);
  await expect(page.locator('a[href^="/vouchers/new"]')).toHaveCount(0);
  await expect(page.locator('a[href^="/vouchers/export.csv"]')).toHaveCount(1);
});
