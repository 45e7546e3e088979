// The business profile and the partner directory, in every locale: the
// partner's admin edits the profile (a refused field shows its message beside
// it), a customer searches the directory ignoring accents and assigns a
// created voucher from a partner's card. Checked with axe, for untranslated
// messages, and at 390 px. Pictures under screenshots/<locale>/directory-*.png.
import { Page, expect, test } from '@playwright/test';
import { LOCALES, accounts, review, shot, signIn, useLang, voucherFor } from './support';

const WIDTH = 390;

async function expectFits(page: Page, lang: string, name: string) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  await shot(page, lang, `phone-${name}`);
  expect(width, `${page.url()} is ${width}px wide`).toBeLessThanOrEqual(WIDTH);
}

// The demo's Northwind Advisory is enrolled and eligible, with a French profile.
for (const lang of LOCALES) {
  test(`the partner's admin edits the business profile in ${lang}`, async ({ page, context, baseURL }) => {
    await useLang(context, lang, baseURL!);
    await signIn(page, accounts.northwindAdmin);
    await page.locator('nav.main-nav a[href="/partner/profile"]').click();
    await expect(page).toHaveURL(/\/partner\/profile$/);
    await expect(page.locator('#description')).toHaveValue(/déploiement/);
    await review(page, lang, 'directory-profile');
    // A refused website: the message is beside the field, what was typed kept.
    await page.locator('#website').fill('ftp://northwind.example');
    await page.locator('form[action="/partner/profile"] button[type="submit"]').click();
    await expect(page.locator('#website-error')).toBeVisible();
    await expect(page.locator('#website')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#website')).toHaveValue('ftp://northwind.example');
    await review(page, lang, 'directory-profile-refused');
    await page.locator('#website').fill('https://northwind.example');
    await page.locator('form[action="/partner/profile"] button[type="submit"]').click();
    await expect(page).toHaveURL(/done=profile_saved/);
    await expect(page.locator('.alert.success')).toBeVisible();
    // The consultant reads it.
    await context.clearCookies({ name: 'saps_session' });
    await signIn(page, accounts.northwindConsultant);
    await page.goto('/partner/profile');
    await expect(page.locator('form[action="/partner/profile"]')).toHaveCount(0);
    await review(page, lang, 'directory-profile-read');
  });

  test(`a customer finds a partner and assigns a voucher in ${lang}`, async ({ page, context, baseURL, request }) => {
    await useLang(context, lang, baseURL!);
    await signIn(page, accounts.tailspinAdmin);
    await page.locator('nav.main-nav a[href="/directory"]').click();
    await expect(page).toHaveURL(/\/directory$/);
    await review(page, lang, 'directory');
    // Without accents, in capitals: the French description is found.
    await page.locator('#q').fill('DEPLOIEMENT poste');
    await page.locator('form[action="/directory"] button[type="submit"]').click();
    const card = page.locator('ul.directory-results > li', { hasText: 'Northwind Advisory' });
    await expect(card).toHaveCount(1);
    await review(page, lang, 'directory-found');
    // A bad filter is refused beside its field.
    await page.locator('#country').fill('F1');
    await page.locator('form[action="/directory"] button[type="submit"]').click();
    await expect(page.locator('#country-error')).toBeVisible();
    await review(page, lang, 'directory-refused');
    await page.locator('#country').fill('FR');
    await page.locator('form[action="/directory"] button[type="submit"]').click();
    await expect(card).toHaveCount(1);
    // Without a voucher chosen: the message is beside the card's field.
    await card.locator('button[type="submit"]').click();
    await expect(card.locator('.field-error')).toBeVisible();
    await expect(card.locator('select[name="voucher"]')).toHaveAttribute('aria-invalid', 'true');
    await review(page, lang, 'directory-assign-refused');
    // Assigning spends planning days: once, in English.
    if (lang === 'en') {
      const code = await voucherFor(request, { admin: accounts.tailspinAdmin, pm: accounts.tailspinPm });
      await page.reload();
      await card.locator('select[name="voucher"]').selectOption(code);
      await card.locator('button[type="submit"]').click();
      await expect(page).toHaveURL(new RegExp(`/vouchers/${code}\\?done=assigned`));
      // Cancel it (the confirmation page, then yes), so that its day goes back to
      // the pool the other tests share.
      await page.locator(`a[href="/vouchers/${code}/cancel"]`).click();
      await page.locator(`form[action="/vouchers/${code}/cancel"] button[type="submit"]`).click();
      await expect(page).toHaveURL(new RegExp(`/vouchers/${code}\\?done=cancelled`));
    }
  });

  test(`the directory and the profile fit ${WIDTH} px in ${lang}`, async ({ browser, baseURL }) => {
    const context = await browser.newContext({ viewport: { width: WIDTH, height: 844 } });
    await useLang(context, lang, baseURL!);
    const page = await context.newPage();
    await signIn(page, accounts.tailspinPm);
    await page.goto('/directory?q=northwind');
    await expect(page.locator('ul.directory-results > li')).toHaveCount(1);
    await expectFits(page, lang, 'directory');
    await context.clearCookies({ name: 'saps_session' });
    await signIn(page, accounts.northwindAdmin);
    await page.goto('/partner/profile');
    await expectFits(page, lang, 'profile');
    await context.close();
  });
}
