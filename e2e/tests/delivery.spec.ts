// Delivery in the browser, on the demo's vouchers: the partner submits a
// completion report with a file, the customer reads it from its home page and
// signs it off, and the partner redeems signed-off vouchers through the
// confirmation page — no JavaScript needed, every page accessible.
import { APIRequestContext, Page, expect, test } from '@playwright/test';
import { PASSWORD, accounts, review, signIn } from './support';

/** The page does not scroll sideways on a 390 px phone. */
async function expectFitsPhone(page: Page) {
  await page.setViewportSize({ width: 390, height: 844 });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${page.url()} is ${width}px wide`).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 860 });
}

/** The partner's completed vouchers, with their reports' sign-off. */
async function completed(
  request: APIRequestContext,
): Promise<{ code: string; completion_report?: { sign_off: string } }[]> {
  const t = await request.post('/api/v1/auth/token', {
    data: { email: accounts.northwindAdmin, password: PASSWORD },
  });
  const token = (await t.json()).token;
  const r = await request.get('/api/v1/vouchers?state=completed&limit=500', {
    headers: { authorization: `Bearer ${token}` },
  });
  return (await r.json()).items;
}

async function reservedWithoutReport(request: APIRequestContext): Promise<string> {
  const t = await request.post('/api/v1/auth/token', {
    data: { email: accounts.northwindAdmin, password: PASSWORD },
  });
  const token = (await t.json()).token;
  const r = await request.get('/api/v1/vouchers?state=reserved&limit=500', {
    headers: { authorization: `Bearer ${token}` },
  });
  const items: { code: string; reservation: { end_date: string } }[] = (await r.json()).items;
  const past = items.find((v) => v.reservation.end_date < '2020-11-02');
  expect(past, 'the demo has a delivered voucher awaiting its report').toBeTruthy();
  return past!.code;
}

test('the partner reports with a file; the customer signs off; the partner redeems', async ({
  browser,
  request,
}) => {
  const code = await reservedWithoutReport(request);
  const partner = await (await browser.newContext()).newPage();
  await signIn(partner, accounts.northwindAdmin);
  await partner.goto(`/vouchers/${code}`);
  const form = partner.locator('form[action$="/completion-report"]');
  await expect(form).toBeVisible();
  await review(partner, 'en', '70-partner-completion-report-form');
  await expectFitsPhone(partner);
  // A refused report: the rule next to its field, what was typed kept.
  await partner.locator('#delivered_from').fill('2020-10-12');
  await partner.locator('#delivered_to').fill('2020-10-12');
  await partner.locator('#days_onsite').fill('0');
  await partner.locator('#days_offsite').fill('0');
  await partner.locator('#summary').fill('One day of workshops.');
  await partner.locator('#next_steps').fill('Pilot in December.');
  const pdf = { name: 'report.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% e2e\n') };
  await partner.locator('#deliverable').setInputFiles(pdf);
  await form.locator('button[type="submit"]').click();
  await expect(partner.locator('#days_onsite-error')).toBeVisible();
  await expect(partner.locator('#summary')).toHaveValue('One day of workshops.');
  await partner.locator('#days_onsite').fill('1');
  await partner.locator('#deliverable').setInputFiles(pdf);
  await partner.locator('form[action$="/completion-report"] button[type="submit"]').click();
  await expect(partner.locator('.alert.success')).toContainText('completion report is submitted');
  await expect(partner.locator(`a[href^="/vouchers/${code}/deliverables/"]`)).toHaveCount(1);
  await expect(partner.locator(`a[href="/vouchers/${code}/receipt"]`)).toBeVisible();
  await review(partner, 'en', '71-partner-report-submitted');
  await expectFitsPhone(partner);

  // The project manager finds it on the home page, reads it, accepts.
  const pm = await (await browser.newContext()).newPage();
  await signIn(pm, accounts.tailspinPm);
  await expect(pm.locator('#awaiting-title')).toBeVisible();
  await review(pm, 'en', '72-customer-home-awaiting-sign-off');
  await pm.locator(`a[href="/vouchers/${code}"]`).first().click();
  await expect(pm.locator('form[action$="/sign-off"]')).toBeVisible();
  await review(pm, 'en', '73-customer-sign-off');
  await expectFitsPhone(pm);
  await pm.locator('form[action$="/sign-off"] button[value="accept"]').click();
  await expect(pm.locator('form[action$="/sign-off"]')).toHaveCount(0);

  // The partner redeems it from its voucher list: check box, confirmation
  // page, yes, a result. Only signed-off vouchers have a box.
  await partner.goto('/vouchers');
  const list = partner.locator('form.redeem-list');
  await expect(list.locator(`input[name="code"][value="${code}"]`)).toHaveCount(1);
  const boxes = await list.locator('input[type="checkbox"][name="code"]').evaluateAll((els) =>
    els.map((e) => (e as HTMLInputElement).value),
  );
  const ready = (await completed(request))
    .filter((v) => ['accepted', 'deemed'].includes(v.completion_report?.sign_off ?? ''))
    .map((v) => v.code);
  expect(boxes.sort()).toEqual(ready.sort());
  await review(partner, 'en', '74-partner-redeem-select');
  await list.locator(`input[name="code"][value="${code}"]`).check();
  await list.locator('button[type="submit"]').click();
  await expect(partner.locator(`input[type="hidden"][value="${code}"]`)).toHaveCount(1);
  await review(partner, 'en', '75-partner-redeem-confirm');
  await expectFitsPhone(partner);
  await partner.locator('form[action="/redeem"] button[type="submit"]').click();
  await expect(partner.locator('ul.results')).toContainText(code);
  await expect(partner.locator('ul.results')).toContainText('Redeemed');
  await expect(partner.locator('a.btn[href^="/payments"]')).toHaveText('Create a payment claim');
  await review(partner, 'en', '76-partner-redeem-results');
  await expectFitsPhone(partner);
});
