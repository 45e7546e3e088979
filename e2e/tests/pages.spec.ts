// Every page of every party, in every locale: checked with axe-core, checked
// for untranslated messages, and photographed under screenshots/<locale>/.
import { Page, expect, test } from '@playwright/test';
import { LOCALES, accounts, review, signIn, useLang } from './support';

/** The voucher ID of the first voucher listed in a state. */
async function firstCode(page: Page, state: string): Promise<string> {
  await page.goto(`/vouchers?state=${state}`);
  const code = await page.locator('table.data a.code').first().innerText();
  expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
  return code;
}

// The browser's own locale too, so that native controls (date fields) match.
const BROWSER_LOCALE: Record<string, string> = { en: 'en-US', fr: 'fr-FR', 'pt-BR': 'pt-BR', ru: 'ru-RU', it: 'it-IT' };

for (const lang of LOCALES) {
  test(`every page in ${lang}`, async ({ browser, baseURL }) => {
    test.slow();
    const context = await browser.newContext({ locale: BROWSER_LOCALE[lang] });
    await useLang(context, lang, baseURL!);
    const page = await context.newPage();
    // Console errors would include any Content-Security-Policy violation.
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && !/status of 4\d\d/.test(m.text())) errors.push(`${page.url()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));

    await test.step('signed out', async () => {
      await page.goto('/login');
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page.locator('.demo-accounts li')).toHaveCount(14);
      await review(page, lang, '01-login');
      await page.locator('#email').fill(accounts.tailspinPm);
      await page.locator('#password').fill('not the password');
      await page.locator('form[action="/login"] button[type="submit"]').click();
      await expect(page.locator('.alert.error')).toBeVisible();
      await expect(page.locator('#email')).toHaveValue(accounts.tailspinPm);
      await review(page, lang, '02-login-refused');
      await page.goto('/no/such/page');
      await review(page, lang, '03-not-found');
    });

    await test.step('customer: benefit administrator', async () => {
      await signIn(page, accounts.tailspinAdmin);
      await expect(page.locator('svg.pool-bar')).toHaveCount(1);
      await review(page, lang, '10-customer-home');
      await page.goto('/vouchers');
      await review(page, lang, '11-customer-vouchers');
      await page.goto('/vouchers/new');
      await review(page, lang, '12-customer-new-voucher');
      await page.locator('#engagement').selectOption('DYDPS-ERP');
      // Only the lengths the pool pays for are offered: Tailspin has fewer days
      // left than this engagement's shortest length, and the form says so.
      await expect(page.locator('#days-none')).toBeVisible();
      await expect(page.locator('input[name="days"]')).toHaveCount(0);
      // Sent without a length: refused, the message beside the field.
      await page.locator('#voucher-form button[type="submit"]:not([formaction])').click();
      await expect(page.locator('.alert.error')).toBeVisible();
      await review(page, lang, '13-customer-new-voucher-refused');
      const created = await firstCode(page, 'created');
      await page.goto(`/vouchers/${created}`);
      await expect(page.locator('#partner')).toBeVisible();
      await review(page, lang, '14-customer-voucher-created');
      const reserved = await firstCode(page, 'reserved');
      await page.goto(`/vouchers/${reserved}`);
      await expect(page.locator('ol.timeline li').first()).toBeVisible();
      await review(page, lang, '15-customer-voucher-reserved');
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto('/');
      await review(page, lang, '16-customer-home-phone');
      await page.goto(`/vouchers/${reserved}`);
      await review(page, lang, '17-customer-voucher-phone');
      await page.setViewportSize({ width: 1280, height: 860 });
      // A form posted without its token.
      await page.goto('/');
      await page.evaluate(() => {
        const f = document.createElement('form');
        f.method = 'post';
        f.action = '/logout';
        document.body.append(f);
        f.submit();
      });
      await expect(page.locator('.error-code')).toHaveText('403');
      await review(page, lang, '18-forged-form-refused');
    });

    await test.step('customer: project manager', async () => {
      await context.clearCookies({ name: 'saps_session' });
      await signIn(page, accounts.tailspinPm);
      await review(page, lang, '20-project-manager-home');
    });

    await test.step('partner: admin and consultant', async () => {
      await context.clearCookies({ name: 'saps_session' });
      await signIn(page, accounts.northwindAdmin);
      await review(page, lang, '30-partner-home');
      await page.goto('/vouchers?state=reserved');
      await review(page, lang, '31-partner-vouchers-filtered');
      await page.goto('/vvr');
      await review(page, lang, '32-partner-validate');
      const assigned = await firstCode(page, 'assigned');
      await page.goto('/vvr');
      await page.locator('#code').fill(assigned);
      await page.locator('#customer_email').fill('nobody@tailspin.example');
      await page.locator('form[action="/vvr"] button[type="submit"]').click();
      await expect(page.locator('.alert.error')).toBeVisible();
      await review(page, lang, '33-partner-validate-refused');
      await page.locator('#customer_email').fill(accounts.tailspinAdmin);
      await page.locator('form[action="/vvr"] button[type="submit"]').click();
      await expect(page.locator('#accept_terms')).toBeVisible();
      await review(page, lang, '34-partner-reserve');
      await page.locator('#consultant').selectOption({ index: 1 });
      await page.locator('#start_date').fill('2020-12-14');
      await page.locator('#end_date').fill('2020-12-16');
      await page.locator('form[action$="/reserve"] button[type="submit"]').click();
      await expect(page.locator('#accept_terms-error')).toBeVisible();
      await expect(page.locator('#start_date')).toHaveValue('2020-12-14');
      await review(page, lang, '35-partner-reserve-refused');
      const reserved = await firstCode(page, 'reserved');
      await page.goto(`/vouchers/${reserved}`);
      await expect(page.locator('#reason')).toBeVisible();
      await review(page, lang, '36-partner-voucher-reserved');
      await context.clearCookies({ name: 'saps_session' });
      await signIn(page, accounts.northwindConsultant);
      await review(page, lang, '37-consultant-home');
    });

    await test.step('operator', async () => {
      await context.clearCookies({ name: 'saps_session' });
      await signIn(page, accounts.operator);
      await expect(page.locator('table.counts tbody tr')).toHaveCount(10);
      await review(page, lang, '40-operator-home');
      await page.goto('/clock');
      await review(page, lang, '41-operator-clock');
      await page.goto('/vouchers');
      await review(page, lang, '42-operator-vouchers');
      await page.goto('/users');
      await expect(page.locator('form[action$="/disable"]').first()).toBeVisible();
      await review(page, lang, '43-operator-users');
    });

    await context.close();
    expect(errors).toEqual([]);
  });
}
