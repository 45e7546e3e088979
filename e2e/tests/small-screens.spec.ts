// Every page of every party fits a 390 px wide phone in every locale: nothing
// makes the page scroll sideways (lists become cards, wide content scrolls in
// its own box). Pictures under screenshots/<locale>/phone-*.png.
import { Page, expect, test } from '@playwright/test';
import { LOCALES, accounts, shot, signIn, useLang } from './support';

const WIDTH = 390;

/** The page does not scroll sideways. */
async function expectFits(page: Page, lang: string, name: string) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  await shot(page, lang, `phone-${name}`);
  expect(width, `${page.url()} is ${width}px wide`).toBeLessThanOrEqual(WIDTH);
}

/** The first voucher listed, if any. */
async function firstVoucher(page: Page): Promise<string | null> {
  await page.goto('/vouchers');
  const link = page.locator('table.data a.code').first();
  return (await link.count()) ? link.innerText() : null;
}

// Each party, and the pages only their role has.
const PARTIES: { who: string; email: string; pages: string[] }[] = [
  { who: 'benefit-admin', email: accounts.tailspinAdmin, pages: ['/vouchers/new', '/users'] },
  { who: 'project-manager', email: accounts.tailspinPm, pages: [] },
  { who: 'partner-admin', email: accounts.northwindAdmin, pages: ['/vvr', '/users'] },
  { who: 'mpn-admin', email: accounts.fabrikamMpn, pages: ['/vvr'] },
  { who: 'consultant', email: accounts.northwindConsultant, pages: [] },
  { who: 'operator', email: accounts.operator, pages: ['/clock', '/users'] },
];

for (const lang of LOCALES) {
  test(`every page fits ${WIDTH} px in ${lang}`, async ({ browser, baseURL }) => {
    test.slow();
    const context = await browser.newContext({ viewport: { width: WIDTH, height: 844 } });
    await useLang(context, lang, baseURL!);
    const page = await context.newPage();
    await page.goto('/login');
    await expectFits(page, lang, 'login');
    await page.locator('form[action="/login"] button[type="submit"]').click();
    await expectFits(page, lang, 'login-refused');
    for (const party of PARTIES) {
      await context.clearCookies({ name: 'saps_session' });
      await signIn(page, party.email);
      await expectFits(page, lang, `${party.who}-home`);
      const code = await firstVoucher(page);
      await expectFits(page, lang, `${party.who}-vouchers`);
      if (code) {
        await page.goto(`/vouchers/${code}`);
        await expectFits(page, lang, `${party.who}-voucher`);
      }
      for (const path of party.pages) {
        await page.goto(path);
        await expectFits(page, lang, `${party.who}${path.replaceAll('/', '-')}`);
      }
    }
    // The reservation form, refused with every problem shown.
    await context.clearCookies({ name: 'saps_session' });
    await signIn(page, accounts.northwindAdmin);
    await page.goto('/vouchers?state=assigned');
    const assigned = page.locator('table.data a.code').first();
    if (await assigned.count()) {
      await page.goto(`/vvr?code=${await assigned.innerText()}`);
      await page.locator('#customer_email').fill(accounts.tailspinAdmin);
      await page.locator('form[action="/vvr"] button[type="submit"]').click();
      await expectFits(page, lang, 'partner-reserve');
      await page.locator('#consultant').selectOption({ index: 0 });
      await page.locator('form[action$="/reserve"] button[type="submit"]').click();
      await expectFits(page, lang, 'partner-reserve-refused');
    }
    await page.goto('/no/such/page');
    await expectFits(page, lang, 'not-found');
    await context.close();
  });
}
