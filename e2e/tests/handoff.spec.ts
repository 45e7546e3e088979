// The hand-off between customer and partner: the partner reserves straight
// from its own voucher (no customer e-mail asked again) or returns it with a
// reason; the customer sees why and assigns it again, choosing only among the
// partners that may deliver it — or is told that none may yet.
import { Page, expect, test } from '@playwright/test';
import { accounts, expectAccessible, review, signIn, voucherFor } from './support';

/** The page does not scroll sideways on a 390 px phone. */
async function expectFitsPhone(page: Page) {
  await page.setViewportSize({ width: 390, height: 844 });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${page.url()} is ${width}px wide`).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 860 });
}

test('the partner reserves from its voucher or returns it; the customer assigns it again', async ({
  browser,
  request,
}) => {
  const code = await voucherFor(request, {
    admin: accounts.tailspinAdmin,
    pm: accounts.tailspinPm,
    engagement: 'SSDPS-UPG',
    days: 1,
    partner: 'Northwind Advisory',
  });
  const partner = await (await browser.newContext()).newPage();
  await signIn(partner, accounts.northwindAdmin);
  await partner.goto(`/vouchers/${code}`);
  await expect(partner.locator('form[action$="/return"]')).toBeVisible();
  await review(partner, 'en', '60-partner-voucher-return');
  await expectFitsPhone(partner);

  // Reserving from its own voucher: straight to the form, no e-mail asked.
  await partner.locator(`a[href="/vouchers/${code}/reserve"]`).click();
  await expect(partner.locator('#accept_terms')).toBeVisible();
  await expect(partner.locator('#customer_email')).toHaveCount(0);
  await expect(partner.locator('ol.progress')).toHaveCount(0);
  await review(partner, 'en', '61-partner-reserve-direct');
  await expectFitsPhone(partner);

  // Returned, with a reason; refused without one.
  await partner.goto(`/vouchers/${code}`);
  await partner.locator('form[action$="/return"] button[type="submit"]').click();
  await expect(partner.locator('#reason-error')).toBeVisible();
  await expectAccessible(partner);
  await partner.locator('#return-reason').fill('No consultant is free before it expires');
  await partner.locator('form[action$="/return"] button[type="submit"]').click();
  await expect(partner).toHaveURL(/\/vouchers\?done=returned$/);
  await expect(partner.locator('.alert.success')).toContainText('The voucher is returned to the customer');

  const customer = await (await browser.newContext()).newPage();
  await signIn(customer, accounts.tailspinAdmin);
  await customer.goto(`/vouchers/${code}`);
  await expect(customer.locator('ol.timeline')).toContainText('No consultant is free before it expires');
  await expect(customer.locator('#partner option', { hasText: 'Northwind Advisory' })).toHaveCount(1);
  await expect(customer.locator('#partner option', { hasText: 'Fabrikam' })).toHaveCount(0);
  await review(customer, 'en', '62-customer-voucher-returned');
  const northwind = customer.locator('#partner option', { hasText: 'Northwind Advisory' });
  await customer.locator('#partner').selectOption((await northwind.getAttribute('value'))!);
  await customer.locator('form[action$="/assign"] button[type="submit"]').click();
  await expect(customer.locator('.alert.success')).toContainText('The voucher is assigned.');
  await partner.context().close();
  await customer.context().close();
});

test('the customer is told when no partner may deliver the engagement yet', async ({ page, request }) => {
  // SharePoint: Northwind is enrolled, but has no location in Brazil.
  const code = await voucherFor(request, {
    admin: accounts.wideworldAdmin,
    pm: accounts.wideworldPm,
    engagement: 'SDPS-SRV',
    days: 1,
  });
  await signIn(page, accounts.wideworldAdmin);
  await page.goto(`/vouchers/${code}`);
  await expect(page.locator('#no-partner')).toContainText('No partner is enrolled and eligible');
  await expect(page.locator('form[action$="/assign"]')).toHaveCount(0);
  await review(page, 'en', '63-customer-no-partner');
  await expectFitsPhone(page);
});
