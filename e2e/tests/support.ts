// Shared steps of the browser tests: the demo's accounts, signing in, the
// language cookie, accessibility and translation checks, screenshots, and
// quick set-up through the JSON API.
import { APIRequestContext, BrowserContext, Page, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const PASSWORD = 'saps-demo-2020';

export const accounts = {
  operator: 'operator@saps.example',
  northwindAdmin: 'gabriel.global-admin@northwind.example',
  northwindConsultant: 'chloe.consultant@northwind.example',
  fabrikamAdmin: 'gabriel.global-admin@fabrikam.example',
  fabrikamMpn: 'maria.mpn-admin@fabrikam.example',
  tailspinAdmin: 'bianca.benefit-admin@tailspin.example',
  tailspinPm: 'pedro.project-manager@tailspin.example',
  wideworldAdmin: 'bianca.benefit-admin@wideworld.example',
  wideworldPm: 'pedro.project-manager@wideworld.example',
};

export const LOCALES = ['en', 'fr', 'pt-BR', 'ru', 'it'] as const;
export type Locale = (typeof LOCALES)[number];

/** Remembers a language the way the switcher does. */
export async function useLang(context: BrowserContext, lang: Locale, baseURL: string) {
  await context.addCookies([{ name: 'saps_lang', value: lang, url: baseURL }]);
}

export async function signIn(page: Page, email: string) {
  await page.goto('/login');
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(PASSWORD);
  await page.locator('form[action="/login"] button[type="submit"]').click();
  await expect(page).toHaveURL(/\/$/);
}

/** axe-core finds no serious or critical violation on the page. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad, `axe on ${page.url()}`).toEqual([]);
}

// A message id shows on a page only when its translation is missing: the ids
// of the English file (the reference every locale must match).
const EN_DIR = join(__dirname, '..', '..', 'crates', 'saps-web', 'locales', 'en');
const MESSAGE_IDS: string[] = readdirSync(EN_DIR)
  .filter((f) => f.endsWith('.ftl'))
  .map((f) => readFileSync(join(EN_DIR, f), 'utf8'))
  .join('\n')
  .split('\n')
  .filter((l) => /^[A-Za-z][A-Za-z0-9_-]*\s*=/.test(l))
  .map((l) => l.split('=')[0].trim())
  .filter((id) => id.includes('-'));

/** Nothing on the page is an untranslated message id. */
export async function expectTranslated(page: Page) {
  const text = await page.locator('body').innerText();
  const words = new Set(text.split(/[\s.,;:()«»"“”]+/));
  const raw = MESSAGE_IDS.filter((id) => words.has(id));
  expect(raw, `untranslated messages on ${page.url()}`).toEqual([]);
}

/** Saves a full-page screenshot as screenshots/<lang>/<name>.png. */
export async function shot(page: Page, lang: string, name: string) {
  const dir = join(__dirname, '..', 'screenshots', lang);
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

/** Checks a page and keeps its picture. */
export async function review(page: Page, lang: string, name: string) {
  const t0 = Date.now();
  await expectTranslated(page);
  const t1 = Date.now();
  await expectAccessible(page);
  const t2 = Date.now();
  await shot(page, lang, name);
  const t3 = Date.now();
  if (process.env.SAPS_E2E_TIMING) console.log(`${lang}/${name}: text ${t1 - t0} axe ${t2 - t1} shot ${t3 - t2}`);
}

// ---- set-up through the API ------------------------------------------------------------

async function token(request: APIRequestContext, email: string): Promise<string> {
  const r = await request.post('/api/v1/auth/token', { data: { email, password: PASSWORD } });
  expect(r.status(), await r.text()).toBe(201);
  return (await r.json()).token;
}

async function getJson(request: APIRequestContext, path: string, bearer: string) {
  const r = await request.get(path, { headers: { authorization: `Bearer ${bearer}` } });
  expect(r.ok(), `${path}: ${await r.text()}`).toBeTruthy();
  return r.json();
}

async function postJson(request: APIRequestContext, path: string, bearer: string, data: unknown) {
  const r = await request.post(path, { headers: { authorization: `Bearer ${bearer}` }, data });
  expect(r.ok(), `${path}: ${await r.text()}`).toBeTruthy();
  return r.json();
}

/**
 * A fresh voucher of a demo customer, created by its benefit administrator
 * and optionally assigned to a partner. Returns its voucher ID.
 */
export async function voucherFor(
  request: APIRequestContext,
  opts: { admin: string; pm: string; engagement?: string; days?: number; partner?: string },
): Promise<string> {
  const t = await token(request, opts.admin);
  const me = await getJson(request, '/api/v1/me', t);
  const benefit = await getJson(request, `/api/v1/customers/${me.org_id}/benefit`, t);
  const users = await getJson(request, `/api/v1/orgs/${me.org_id}/users`, t);
  const pm = users.items.find((u: { email: string }) => u.email === opts.pm);
  const v = await postJson(request, '/api/v1/vouchers', t, {
    customer_id: me.org_id,
    agreement: benefit.pools[0].agreement,
    engagement: opts.engagement ?? 'DDPS-WIN',
    days: opts.days ?? 1,
    project_manager_id: pm.id,
  });
  if (opts.partner) {
    const partners = await getJson(request, '/api/v1/partners', t);
    const p = partners.items.find((o: { name: string }) => o.name === opts.partner);
    await postJson(request, `/api/v1/vouchers/${v.code}/assign`, t, { partner_id: p.id });
  }
  return v.code;
}

/** A voucher's state, as its customer sees it. */
export async function stateOf(request: APIRequestContext, admin: string, code: string): Promise<string> {
  const t = await token(request, admin);
  return (await getJson(request, `/api/v1/vouchers/${code}`, t)).state;
}
