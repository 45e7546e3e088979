// Partner onboarding: the operator records a fresh partner's compliance
// training, competency and a consultant's exam; the partner's Planning
// Services tab turns its check marks green; its global admin signs the program
// agreement and enrolls. Every page checked with axe, kept as a picture per
// locale (screenshots/<locale>/onboarding-*.png) and made to fit 390 px. A
// language chosen while signed in is the account's next time.
import { APIRequestContext, Page, expect, test } from '@playwright/test';
import { LOCALES, PASSWORD, accounts, review, shot, useLang } from './support';

const USER_PASSWORD = 'onboarding-walk-2020';
const WIDTH = 390;

type Fresh = { partnerId: string; admin: string; consultantId: string; name: string };

async function token(request: APIRequestContext, email: string, password: string): Promise<string> {
  const r = await request.post('/api/v1/auth/token', { data: { email, password } });
  expect(r.status(), await r.text()).toBe(201);
  return (await r.json()).token;
}

async function post(request: APIRequestContext, path: string, bearer: string, data: unknown) {
  const r = await request.post(path, { headers: { authorization: `Bearer ${bearer}` }, data });
  expect(r.status(), `${path}: ${await r.text()}`).toBe(201);
  return r.json();
}

/** A partner of its own for this test (the demo's partners are shared), with
 *  a global admin and a consultant. */
async function freshPartner(request: APIRequestContext, tag: string): Promise<Fresh> {
  const op = await token(request, accounts.operator, PASSWORD);
  const stamp = `${tag}-${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  const name = `Contoso Onboarding ${stamp}`;
  const partner = await post(request, '/api/v1/partners', op, {
    name,
    country: 'FR',
    locations: [{ name: 'Lyon', country: 'FR', city: 'Lyon' }],
  });
  const admin = `ga-${stamp}@contoso-onboarding.example`;
  await post(request, `/api/v1/orgs/${partner.id}/users`, op, {
    email: admin,
    name: 'Gaëlle Admin',
    role: 'global_admin',
    password: USER_PASSWORD,
  });
  const consultant = await post(request, `/api/v1/orgs/${partner.id}/users`, op, {
    email: `c-${stamp}@contoso-onboarding.example`,
    name: 'Camille Consultant',
    role: 'consultant',
    password: USER_PASSWORD,
  });
  return { partnerId: partner.id, admin, consultantId: consultant.id, name };
}

async function signInAs(page: Page, email: string, password: string) {
  await page.context().clearCookies({ name: 'saps_session' });
  await page.goto('/login');
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(password);
  await page.locator('form[action="/login"] button[type="submit"]').click();
  await expect(page).toHaveURL(/\/$/);
}

/** The page does not scroll sideways at 390 px, and its picture is kept. */
async function expectFits(page: Page, lang: string, name: string) {
  await page.setViewportSize({ width: WIDTH, height: 844 });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  await shot(page, lang, `phone-${name}`);
  expect(width, `${page.url()} is ${width}px wide`).toBeLessThanOrEqual(WIDTH);
  await page.setViewportSize({ width: 1280, height: 860 });
}

async function check(page: Page, lang: string, name: string) {
  await review(page, lang, name);
  await expectFits(page, lang, name);
}

/** The operator records what makes DDPS Active for the partner. */
async function recordQualifications(page: Page, lang: string, fresh: Fresh) {
  await page.goto('/operator/partners');
  await check(page, lang, 'onboarding-operator-partners');
  await page.goto(`/operator/partners/${fresh.partnerId}`);
  await expect(page.locator('h1')).toHaveText(fresh.name);
  await check(page, lang, 'onboarding-operator-partner');
  // A refusal next to its field first: a course completed in the future.
  await page.locator('#completed_on').fill('2021-03-01');
  await page.locator('form[action$="/trainings"] button[type="submit"]').click();
  await expect(page.locator('#completed_on-error')).toBeVisible();
  await expect(page.locator('#completed_on')).toHaveAttribute('aria-invalid', 'true');
  await check(page, lang, 'onboarding-operator-refused');
  await page.locator('#completed_on').fill('2020-10-01');
  await page.locator('form[action$="/trainings"] button[type="submit"]').click();
  await expect(page.locator('.alert.success')).toBeVisible();
  await page.locator('#competency').selectOption('Windows and Devices');
  await page.locator('#level').selectOption('gold');
  await page.locator('#valid_until').fill('2022-06-30');
  await page.locator('form[action$="/competencies"] button[type="submit"]').click();
  await expect(page.locator('.alert.success')).toBeVisible();
  await page.locator(`a[href="/operator/consultants/${fresh.consultantId}"]`).click();
  await page.locator('#exam').selectOption('MD-100');
  await page.locator('#passed_on').fill('2020-09-15');
  await page.locator('form[action$="/exams"] button[type="submit"]').click();
  await expect(page.locator('.alert.success')).toBeVisible();
  await expect(page.locator('#exams')).toContainText('MD-100');
  await check(page, lang, 'onboarding-operator-consultant');
  await page.goto('/operator/agreement');
  await check(page, lang, 'onboarding-operator-agreement');
}

const DDPS = '#offering-DDPS';

for (const lang of LOCALES) {
  test(`operator records, the partner's check marks turn green, it signs and enrolls (${lang})`, async ({
    browser,
    baseURL,
    request,
  }) => {
    test.slow();
    const fresh = await freshPartner(request, lang);
    const context = await browser.newContext();
    await useLang(context, lang, baseURL!);
    const page = await context.newPage();

    await signInAs(page, fresh.admin, USER_PASSWORD);
    await expect(page.locator('a[href="/planning-services"]').first()).toBeVisible();
    await page.goto('/planning-services');
    const ddps = page.locator(`article:has(${DDPS})`);
    await expect(ddps.locator('li.met')).toHaveCount(0);
    await expect(page.locator('input[name="offering"][value="DDPS"]')).toBeDisabled();
    await check(page, lang, 'onboarding-tab-before');

    await signInAs(page, accounts.operator, PASSWORD);
    await recordQualifications(page, lang, fresh);

    await signInAs(page, fresh.admin, USER_PASSWORD);
    await page.goto('/planning-services');
    // The course, the competency and the exam: three green check marks.
    await expect(ddps.locator('li.met')).toHaveCount(3);
    await expect(ddps.locator('.badge-active')).toBeVisible();
    const green = await ddps.locator('li.met .check').first().evaluate((e) => getComputedStyle(e).color);
    expect(green).toBe('rgb(6, 118, 71)');
    await expect(page.locator('#agreement')).toHaveClass(/attention/);

    // Signing needs the box ticked: refused beside it, then signed.
    await page.locator('form[action="/planning-services/agreement"] button[type="submit"]').click();
    await expect(page.locator('#accept-error')).toBeVisible();
    await check(page, lang, 'onboarding-sign-refused');
    await page.locator('#accept').check();
    await page.locator('form[action="/planning-services/agreement"] button[type="submit"]').click();
    await expect(page.locator('.alert.success')).toBeVisible();
    await expect(page.locator('#agreement')).not.toHaveClass(/attention/);
    await expect(page.locator('#agreement .signed')).toContainText('Gaëlle Admin');

    await page.locator('input[name="offering"][value="DDPS"]').check();
    await page.locator('input[name="location_ids"]').first().check();
    await page.locator('form[action="/planning-services/enrollments"] button[type="submit"]').click();
    await expect(page.locator('.alert.success')).toBeVisible();
    await expect(page.locator('#enrollments table.data')).toContainText('Lyon');
    await expect(page.locator('#enrollments table.data')).toContainText('2021');
    await check(page, lang, 'onboarding-tab-enrolled');
    await page.goto('/');
    await expect(page.locator('.planning-line')).toBeVisible();
    await check(page, lang, 'onboarding-partner-home');
    await context.close();
  });
}

test('works without JavaScript, and the language chosen signed in is the account\'s next time', async ({
  browser,
  request,
}) => {
  const fresh = await freshPartner(request, 'lang');
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'en-US' });
  const page = await context.newPage();
  await signInAs(page, fresh.admin, USER_PASSWORD);
  await page.goto('/planning-services');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByLabel('Language').selectOption('fr');
  await page.getByRole('button', { name: 'Change' }).click();
  await expect(page).toHaveURL(/\/planning-services$/);
  await expect(page.locator('h1')).toHaveText('Inscription au programme services de planification');
  await page.locator('form[action="/logout"] button').click();
  await context.close();

  // Another browser, no cookie, asking for English: French, the account's.
  const other = await browser.newContext({ locale: 'en-US' });
  const again = await other.newPage();
  await signInAs(again, fresh.admin, USER_PASSWORD);
  await expect(again.locator('html')).toHaveAttribute('lang', 'fr');
  await again.goto('/planning-services');
  await expect(again.locator('h1')).toHaveText('Inscription au programme services de planification');
  await other.close();
});
