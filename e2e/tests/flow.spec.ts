// The voucher's path through the UI, as its users walk it: the customer
// creates a voucher and assigns it to a partner; the partner validates it with
// the customer's e-mail, accepts the terms, reserves it, then cancels the
// reservation with a reason; the customer sees it all in the history.
import { Browser, Page, expect, test } from '@playwright/test';
import { Locale, accounts, expectAccessible, shot, signIn, useLang } from './support';

interface Walk {
  lang: Locale;
  customer: string;
  pm: string;
  partner: string;
  partnerName: string;
  words: {
    created: string;
    assigned: string;
    reserved: string;
    reservationCancelled: string;
    oneDay: string;
    dates: string;
    assignedState: string;
  };
}

const walks: Walk[] = [
  {
    lang: 'en',
    customer: accounts.tailspinAdmin,
    pm: 'Pedro Project',
    partner: accounts.northwindAdmin,
    partnerName: 'Northwind Advisory',
    words: {
      created: 'The voucher is created.',
      assigned: 'The voucher is assigned.',
      reserved: 'The voucher is reserved.',
      reservationCancelled: 'The reservation is cancelled',
      oneDay: '1 day',
      dates: 'Dec 7, 2020 to Dec 7, 2020',
      assignedState: 'Assigned',
    },
  },
  {
    lang: 'ru',
    customer: accounts.wideworldAdmin,
    pm: 'Pedro Project',
    partner: accounts.fabrikamAdmin,
    partnerName: 'Fabrikam Serviços',
    words: {
      created: 'Ваучер создан.',
      assigned: 'Ваучер назначен.',
      reserved: 'Ваучер зарезервирован.',
      reservationCancelled: 'Резервирование отменено',
      oneDay: '1 день',
      dates: 'с 7 дек. 2020 г. по 7 дек. 2020 г.',
      assignedState: 'Назначен',
    },
  },
];

async function party(browser: Browser, baseURL: string, lang: Locale, email: string): Promise<Page> {
  const context = await browser.newContext();
  await useLang(context, lang, baseURL);
  const page = await context.newPage();
  await signIn(page, email);
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  return page;
}

for (const w of walks) {
  test(`customer creates and assigns, partner validates, reserves and cancels the reservation (${w.lang})`, async ({
    browser,
    baseURL,
  }) => {
    const customer = await party(browser, baseURL!, w.lang, w.customer);
    const dir = `flow-${w.lang}`;

    // Create: the engagement decides the lengths offered.
    await customer.locator('nav.main-nav a[href="/vouchers/new"]').click();
    await customer.locator('#engagement').selectOption('DDPS-APPS');
    await expect(customer.locator('input[name="days"][value="15"]')).toHaveCount(0);
    // The lengths offered are those the pool still pays for (at most 4 here).
    await expect(customer.locator('input[name="days"][value="1"]')).toBeAttached();
    expect(await customer.locator('input[name="days"]').count()).toBeLessThanOrEqual(4);
    await customer.locator('input[name="days"][value="1"]').check();
    await expect(customer.locator('#project_manager option:checked')).toContainText(w.pm);
    await shot(customer, dir, '1-create');
    await customer.locator('#voucher-form button[type="submit"]:not([formaction])').click();
    await expect(customer.locator('.alert.success')).toContainText(w.words.created);
    await expect(customer.locator('dl.facts')).toContainText(w.words.oneDay);
    const code = new URL(customer.url()).pathname.split('/').pop()!;
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);

    // Assign to the partner.
    const partnerId = await customer.locator('#partner option', { hasText: w.partnerName }).getAttribute('value');
    await customer.locator('#partner').selectOption(partnerId!);
    await customer.locator('form[action$="/assign"] button[type="submit"]').click();
    await expect(customer.locator('.alert.success')).toContainText(w.words.assigned);
    await expectAccessible(customer);
    await shot(customer, dir, '2-assigned');

    // The partner validates with the voucher ID and the customer's e-mail.
    const partner = await party(browser, baseURL!, w.lang, w.partner);
    await partner.locator('nav.main-nav a[href="/vvr"]').click();
    await partner.locator('#code').fill(code.toLowerCase().replaceAll('-', ' '));
    await partner.locator('#customer_email').fill(w.customer);
    await partner.locator('form[action="/vvr"] button[type="submit"]').click();
    await expect(partner.locator('#accept_terms')).toBeVisible();
    await expect(partner.locator('dl.facts')).toContainText(code);

    // Accept the terms and reserve: location, consultant, dates.
    await partner.locator('#accept_terms').check();
    await expect(partner.locator('#location option:checked')).not.toHaveAttribute('value', '');
    await partner.locator('#consultant').selectOption({ label: 'Chloé Consultant' });
    await partner.locator('#start_date').fill('2020-12-07');
    await partner.locator('#end_date').fill('2020-12-07');
    await shot(partner, dir, '3-reserve');
    await partner.locator('form[action$="/reserve"] button[type="submit"]').click();
    await expect(partner.locator('.alert.success')).toContainText(w.words.reserved);
    await expect(partner.locator('body')).toContainText(w.words.dates);
    await shot(partner, dir, '4-reserved');

    // Cancel the reservation with a reason.
    await partner.locator('#reason').fill('Customer moved the workshop / Клиент перенес встречу');
    await partner.locator('form[action$="/cancel-reservation"] button[type="submit"]').click();
    await expect(partner.locator('.alert.success')).toContainText(w.words.reservationCancelled);

    // The customer sees where it stands and why.
    await customer.reload();
    await expect(customer.locator('.badge-lg')).toHaveText(w.words.assignedState);
    await expect(customer.locator('ol.timeline')).toContainText('Клиент перенес встречу');
    await expect(customer.locator('ol.timeline li')).toHaveCount(4);
    await shot(customer, dir, '5-history');
    await customer.context().close();
    await partner.context().close();
  });
}
