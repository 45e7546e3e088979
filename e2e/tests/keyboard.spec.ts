// Keyboard only: a partner admin signs in, validates and reserves a voucher
// with Tab, typing, Space and Enter — and focus is visible at every stop.
import { Page, expect, test } from '@playwright/test';
import { accounts, PASSWORD, voucherFor } from './support';

/**
 * Presses Tab until `selector` has the focus, checking that each element
 * reached is visibly focused. (A date field takes several Tabs — month, day,
 * year, its calendar button — and is checked when it is reached.)
 */
async function tabTo(page: Page, selector: string, max = 40) {
  const describe = () => (document.activeElement?.outerHTML ?? '').slice(0, 80);
  let previous = await page.evaluate(describe);
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const at = await page.evaluate((sel) => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return { hit: false, outline: 'none', what: 'body' };
      const s = getComputedStyle(el);
      return { hit: el.matches(sel), outline: `${s.outlineStyle} ${s.outlineWidth}`, what: el.outerHTML.slice(0, 80) };
    }, selector);
    if (at.what !== previous) {
      expect(at.outline, `focus is visible on ${at.what}`).not.toMatch(/^none|\s0px$/);
    }
    previous = at.what;
    if (at.hit) return;
  }
  throw new Error(`${selector} is not reached within ${max} presses of Tab`);
}

test('a reservation made with the keyboard only', async ({ page, request }) => {
  const code = await voucherFor(request, {
    admin: accounts.wideworldAdmin,
    pm: accounts.wideworldPm,
    engagement: 'SSDPS-UPG',
    days: 3,
    partner: 'Fabrikam Serviços',
  });

  await page.goto('/login');
  // The first stop skips to the content.
  await page.keyboard.press('Tab');
  await expect(page.locator('a.skip')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();

  await tabTo(page, '#email');
  await page.keyboard.type(accounts.fabrikamMpn);
  await page.keyboard.press('Tab');
  await expect(page.locator('#password')).toBeFocused();
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/$/);

  await tabTo(page, 'nav.main-nav a[href="/vvr"]');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/vvr$/);

  await tabTo(page, '#code');
  await page.keyboard.type(code);
  await page.keyboard.press('Tab');
  await expect(page.locator('#customer_email')).toBeFocused();
  await page.keyboard.type(accounts.wideworldPm);
  await page.keyboard.press('Enter');
  await expect(page.locator('#accept_terms')).toBeVisible();

  await tabTo(page, '#accept_terms');
  await page.keyboard.press('Space');
  await expect(page.locator('#accept_terms')).toBeChecked();
  await tabTo(page, '#location');
  await expect(page.locator('#location option:checked')).toContainText('São Paulo');
  await tabTo(page, '#consultant');
  await page.keyboard.type('Chlo');
  await expect(page.locator('#consultant option:checked')).toHaveText('Chloé Consultant');
  await tabTo(page, '#start_date');
  await page.keyboard.type('12142020');
  await expect(page.locator('#start_date')).toHaveValue('2020-12-14');
  await tabTo(page, '#end_date');
  await page.keyboard.type('12162020');
  await expect(page.locator('#end_date')).toHaveValue('2020-12-16');
  await tabTo(page, 'form[action$="/reserve"] button[type="submit"]');
  await page.keyboard.press('Enter');

  await expect(page.locator('.alert.success')).toHaveText('The voucher is reserved.');
  await expect(page.locator('.badge-lg')).toHaveText('Reserved');
  await expect(page.locator('body')).toContainText('Dec 14, 2020 to Dec 16, 2020');
});
