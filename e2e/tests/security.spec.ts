// Forged posts, other tenants' objects and unknown pages.
import { expect, test } from '@playwright/test';
import { accounts, signIn, stateOf, voucherFor } from './support';

test('a forged post is refused and changes nothing', async ({ page, request, baseURL }) => {
  const code = await voucherFor(request, { admin: accounts.tailspinAdmin, pm: accounts.tailspinPm });
  await signIn(page, accounts.tailspinAdmin);

  // Same site, signed in, but without the form's CSRF token.
  const bare = await page.request.post(`/vouchers/${code}/cancel`, { form: { reason: 'x' }, maxRedirects: 0 });
  expect(bare.status()).toBe(403);
  expect(await bare.text()).toContain('This form has expired');

  // A wrong token.
  const wrong = await page.request.post(`/vouchers/${code}/cancel`, { form: { csrf: 'f'.repeat(64) }, maxRedirects: 0 });
  expect(wrong.status()).toBe(403);

  // A page on another site posting a form at saps: the browser says so, and
  // does not send the session cookie (SameSite=Lax) either.
  await page.route('http://evil.example/**', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><title>Win</title><form method="post" action="${baseURL}/vouchers/${code}/cancel"><input name="csrf" value="guess"><button>Claim your prize</button></form></html>`,
    }),
  );
  await page.goto('http://evil.example/');
  await page.getByRole('button', { name: 'Claim your prize' }).click();
  await expect(page.locator('h1')).toHaveText('This form has expired');
  expect(new URL(page.url()).origin).toBe(baseURL);

  expect(await stateOf(request, accounts.tailspinAdmin, code)).toBe('created');
});

test("another tenant's voucher is a plain 404", async ({ page, request }) => {
  const code = await voucherFor(request, { admin: accounts.tailspinAdmin, pm: accounts.tailspinPm });
  await signIn(page, accounts.wideworldAdmin);
  const res = await page.goto(`/vouchers/${code}`);
  expect(res?.status()).toBe(404);
  await expect(page.locator('h1')).toHaveText('Page not found');
  await expect(page.locator('main')).not.toContainText('Windows');
  // The partner it is not assigned to cannot validate it either.
  await page.context().clearCookies({ name: 'saps_session' });
  await signIn(page, accounts.fabrikamAdmin);
  await page.goto(`/vvr?code=${code}`);
  await page.locator('#customer_email').fill(accounts.tailspinAdmin);
  await page.locator('form[action="/vvr"] button[type="submit"]').click();
  await expect(page.locator('.alert.error')).toContainText('No voucher assigned to your company matches');
});

test('unknown pages get the 404 page and the API keeps problem+json', async ({ page, request }) => {
  const res = await page.goto('/nowhere');
  expect(res?.status()).toBe(404);
  await expect(page.locator('h1')).toHaveText('Page not found');
  await expect(page.getByRole('link', { name: 'Go to the sign-in page' })).toBeVisible();
  const api = await request.get('/api/v1/nowhere');
  expect(api.status()).toBe(404);
  expect(api.headers()['content-type']).toBe('application/problem+json');
});
