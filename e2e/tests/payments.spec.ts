// Payments (SAVB) in the browser, in each of the five languages, on the
// demo's payment data (Northwind Advisory's claims of Alpine Ski House's
// vouchers): the partner sees its registrations, masked bank accounts,
// redeemed vouchers with the window left and its claims in every state; it
// prices a selection, saves a draft and withdraws it, then submits a claim
// and reads its reference. The operator works the review queue (reject with
// a reason, approve, pay with a reference) and opens the rate card and the
// dashboard's charts. Every page: translated, axe-clean, no sideways scroll
// at 390 px.
//
// The languages run one after the other: each leaves the demo able to do it
// again (a rejection frees the voucher it claimed; an approval takes the
// oldest waiting claim, else one made here through the API of a demo voucher).
import { APIRequestContext, Browser, Page, expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCALES, Locale, PASSWORD, accounts, review, signIn, useLang } from './support';

test.describe.configure({ mode: 'serial' });

const STATES = ['draft', 'submitted', 'approved', 'paid', 'rejected', 'disputed', 'withdrawn'];
/** The day the demo's Alpine Ski House vouchers were redeemed. */
const DEMO_REDEEMED_ON = '2020-09-21';

/** The one-line messages of a language's payments.ftl. */
function words(lang: Locale): Record<string, string> {
  const file = join(__dirname, '..', '..', 'crates', 'saps-web', 'locales', lang, 'payments.ftl');
  const out: Record<string, string> = {};
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = /^([a-z][a-z0-9-]*)\s*=\s*(.+)$/.exec(line);
    if (m) out[m[1]] = m[2].trim();
  }
  return out;
}

/** The page does not scroll sideways on a 390 px phone. */
async function expectFitsPhone(page: Page) {
  await page.setViewportSize({ width: 390, height: 844 });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${page.url()} is ${width}px wide`).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 860 });
}

async function check(page: Page, lang: Locale, name: string) {
  await review(page, lang, name);
  await expectFitsPhone(page);
}

// ---- the API, for choosing what to act on -----------------------------------------------

async function token(request: APIRequestContext, email: string): Promise<string> {
  const r = await request.post('/api/v1/auth/token', { data: { email, password: PASSWORD } });
  expect(r.status(), await r.text()).toBe(201);
  return (await r.json()).token;
}

async function api(request: APIRequestContext, who: string, method: 'GET' | 'POST', path: string, data?: unknown) {
  const headers = { authorization: `Bearer ${await token(request, who)}` };
  const r = method === 'GET' ? await request.get(path, { headers }) : await request.post(path, { headers, data });
  expect(r.ok(), `${method} ${path}: ${await r.text()}`).toBeTruthy();
  return r.json();
}

type Claim = { id: string; reference: string; state: string };

async function claims(request: APIRequestContext, who: string, states = ''): Promise<Claim[]> {
  return (await api(request, who, 'GET', `/api/v1/claims?limit=500&state=${states}`)).items;
}

/** The demo's Alpine Ski House vouchers the partner may claim now. */
async function demoVouchers(request: APIRequestContext): Promise<string[]> {
  const page = await api(request, accounts.northwindAdmin, 'GET', '/api/v1/claims/claimable-vouchers');
  return page.items
    .filter((v: { redeemed_on: string; amount: unknown }) => v.redeemed_on === DEMO_REDEEMED_ON && v.amount)
    .map((v: { code: string }) => v.code);
}

async function signedIn(browser: Browser, lang: Locale, baseURL: string, email: string): Promise<Page> {
  const context = await browser.newContext();
  await useLang(context, lang, baseURL);
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

/** Ticks `code` on the Payments page and asks for the priced preview. */
async function preview(page: Page, code: string) {
  await page.goto('/payments');
  const form = page.locator('form[action="/payments/claims/preview"]');
  await form.locator(`input[name="code"][value="${code}"]`).check();
  await form.locator('button[type="submit"]').click();
  await expect(page.locator(`input[type="hidden"][name="code"][value="${code}"]`)).toHaveCount(1);
  await expect(page.locator('.claim-total')).toHaveText(/\d/);
}

for (const [i, lang] of LOCALES.entries()) {
  test(`payments in ${lang}: the partner claims and withdraws, the operator reviews and pays`, async ({
    browser,
    request,
    baseURL,
  }) => {
    test.setTimeout(300_000);
    const w = words(lang);
    const n = 90; // screenshots/<lang>/90-… to 100-…
    const partner = await signedIn(browser, lang, baseURL!, accounts.northwindAdmin);

    // ---- the partner's Payments page ----
    await partner.goto('/payments');
    await expect(partner.locator('h1')).toHaveText(w['pay-title']);
    const regs = partner.locator('section[aria-labelledby="reg-title"]');
    expect(await regs.locator('.badge-paid').count()).toBeGreaterThan(0);
    // Bank accounts: masked but for the last four characters.
    const banks = partner.locator('section[aria-labelledby="bank-title"]');
    await expect(banks).toContainText('*0189');
    await expect(banks).not.toContainText('30006000');
    // Redeemed vouchers with the window left for each.
    const ready = partner.locator('form[action="/payments/claims/preview"] tbody tr');
    expect(await ready.count()).toBeGreaterThan(0);
    await expect(ready.first().locator('td').last()).toHaveText(/\d|\S/);
    // Every claim shows its state in this language's words.
    const own = await claims(request, accounts.northwindAdmin);
    const table = partner.locator('section[aria-labelledby="claims-title"]');
    for (const c of own) {
      const row = table.locator('tr', { has: partner.locator(`a[href="/payments/claims/${c.id}"]`) });
      await expect(row.locator(`.badge-claim-${c.state}`)).toHaveText(w[`pay-state-${c.state}`]);
    }
    if (i === 0) {
      const shown = new Set(own.map((c) => c.state));
      for (const s of STATES.filter((s) => s !== 'withdrawn')) expect(shown.has(s), s).toBeTruthy();
    }
    await check(partner, lang, `${n}-payments-partner`);

    // ---- select → priced preview → save as draft → withdraw ----
    const free = await demoVouchers(request);
    expect(free.length, 'a demo voucher ready to claim').toBeGreaterThan(0);
    const code = free[0];
    await preview(partner, code);
    await check(partner, lang, `${n + 1}-payments-preview`);
    await partner.locator('button[name="submit"][value="0"]').click();
    await expect(partner).toHaveURL(/\/payments\/claims\/[0-9a-f-]+\?done=draft$/);
    await expect(partner.locator('.page-head .badge')).toHaveText(w['pay-state-draft']);
    const draftUrl = partner.url().split('?')[0];
    const withdraw = partner.locator('details.confirm-withdraw');
    await withdraw.locator('summary').click();
    await expect(withdraw.locator('button[type="submit"]')).toHaveText(w['pay-withdraw-yes']);
    await check(partner, lang, `${n + 2}-payments-draft-withdraw`);
    await withdraw.locator('button[type="submit"]').click();
    await expect(partner).toHaveURL(/\?done=withdrawn$/);
    await expect(partner.locator('.page-head .badge-claim-withdrawn')).toHaveText(w['pay-state-withdrawn']);
    await expect(partner.locator('details.confirm-withdraw')).toHaveCount(0);
    await check(partner, lang, `${n + 3}-payments-withdrawn`);
    await partner.goto('/payments');
    const withdrawnRow = partner.locator('tr', {
      has: partner.locator(`a[href="${new URL(draftUrl).pathname}"]`),
    });
    await expect(withdrawnRow.locator('.badge-claim-withdrawn')).toHaveText(w['pay-state-withdrawn']);

    // ---- the same voucher, submitted: its reference shown ----
    await preview(partner, code);
    await partner.locator('button[name="submit"][value="1"]').click();
    await expect(partner).toHaveURL(/\?done=submitted$/);
    await expect(partner.locator('.page-head .badge')).toHaveText(w['pay-state-submitted']);
    const reference = (await partner.locator('dd.code').first().innerText()).trim();
    expect(reference).toMatch(/^SAVB-\d{4}-\d{6}$/);
    await expect(partner.locator('.alert.success')).toContainText(reference);
    await check(partner, lang, `${n + 4}-payments-submitted`);
    const submittedUrl = new URL(partner.url()).pathname;

    // ---- the operator: the queue, reject with a reason ----
    const op = await signedIn(browser, lang, baseURL!, accounts.operator);
    await op.goto('/payments');
    const queue = op.locator('section[aria-labelledby="review-title"]');
    await expect(queue.locator(`a[href="${submittedUrl}"]`)).toHaveText(reference);
    await check(op, lang, `${n + 5}-payments-review-queue`);
    await op.goto(submittedUrl);
    const reject = op.locator('form[action$="/reject"]');
    await reject.locator('button[type="submit"]').click();
    await expect(op.locator('#reason-error')).toBeVisible();
    await check(op, lang, `${n + 6}-payments-reject-refused`);
    await op.locator('form[action$="/reject"] textarea[name="reason"]').fill('The signed report is missing.');
    await op.locator('form[action$="/reject"] button[type="submit"]').click();
    await expect(op).toHaveURL(/\?done=rejected$/);
    await expect(op.locator('.page-head .badge')).toHaveText(w['pay-state-rejected']);
    await expect(op.locator('body')).toContainText('The signed report is missing.');

    // ---- approve the oldest waiting claim ----
    let waiting = await claims(request, accounts.operator, 'submitted,disputed');
    if (waiting.length === 0) {
      const c = await api(request, accounts.northwindAdmin, 'POST', '/api/v1/claims', { codes: [code] });
      await api(request, accounts.northwindAdmin, 'POST', `/api/v1/claims/${c.id}/submit`, {});
      waiting = await claims(request, accounts.operator, 'submitted,disputed');
    }
    const toApprove = waiting[0];
    await op.goto(`/payments/claims/${toApprove.id}`);
    await op.locator('form[action$="/approve"] button[type="submit"]').click();
    await expect(op).toHaveURL(/\?done=approved$/);
    await expect(op.locator('.page-head .badge')).toHaveText(w['pay-state-approved']);
    await check(op, lang, `${n + 7}-payments-approved`);

    // ---- pay the oldest approved claim with a reference ----
    const approved = await claims(request, accounts.operator, 'approved');
    expect(approved.length).toBeGreaterThan(0);
    await op.goto(`/payments/claims/${approved[0].id}`);
    const pay = op.locator('form[action$="/pay"]');
    await pay.locator('input[name="payment_reference"]').fill(`SEPA-E2E-${lang}`);
    await pay.locator('button[type="submit"]').click();
    await expect(op).toHaveURL(/\?done=paid$/);
    await expect(op.locator('.page-head .badge')).toHaveText(w['pay-state-paid']);
    await expect(op.locator('body')).toContainText(`SEPA-E2E-${lang}`);
    await check(op, lang, `${n + 8}-payments-paid`);

    // ---- the rate card and the dashboard ----
    await op.goto('/payments/rates');
    await expect(op.locator('h1, h2').filter({ hasText: w['pay-rates'] }).first()).toBeVisible();
    await expect(op.locator('input[value="FR"]').first()).toBeVisible();
    await check(op, lang, `${n + 9}-payments-rates`);
    await op.goto('/payments/dashboard');
    expect(await op.locator('figure svg').count()).toBeGreaterThan(0);
    await check(op, lang, `${n + 10}-payments-dashboard`);

    // The withdrawn claim is the partner's to see, not in the operator's lists.
    await op.goto('/payments');
    await expect(op.locator(`a[href="${new URL(draftUrl).pathname}"]`)).toHaveCount(0);

    await partner.context().close();
    await op.context().close();
  });
}
