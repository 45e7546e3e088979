// The language: the user's choice (remembered), else Accept-Language, else
// English; plural forms and dates per locale.
import { APIRequestContext, expect, test } from '@playwright/test';
import { PASSWORD, accounts, signIn } from './support';

/** A new benefit administrator of Wide World, named like the demo's. */
async function benefitAdminOfWideWorld(request: APIRequestContext): Promise<string> {
  const auth = await request.post('/api/v1/auth/token', {
    data: { email: accounts.wideworldAdmin, password: PASSWORD },
  });
  const { token, user } = await auth.json();
  const email = `bianca.${Date.now()}.${Math.floor(Math.random() * 1e6)}@wideworld.example`;
  const r = await request.post(`/api/v1/orgs/${user.org_id}/users`, {
    headers: { authorization: `Bearer ${token}` },
    data: { email, name: 'Bianca Benefit', role: 'benefit_admin', password: PASSWORD },
  });
  expect(r.status(), await r.text()).toBe(201);
  return email;
}

test.describe('a Brazilian browser', () => {
  test.use({ locale: 'pt-BR' });

  test('gets Portuguese, and the switcher changes and remembers the language', async ({ page, request }) => {
    // A choice made signed in is saved to the account: an account of this
    // test's own, so the shared demo accounts keep their language.
    const admin = await benefitAdminOfWideWorld(request);
    await page.goto('/login');
    await expect(page.locator('html')).toHaveAttribute('lang', 'pt-BR');
    await expect(page.locator('h1')).toHaveText('Entrar');

    await page.getByLabel('Idioma').selectOption('ru');
    await page.getByRole('button', { name: 'Alterar' }).click();
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
    await expect(page.locator('h1')).toHaveText('Вход');

    // Remembered across pages and the sign-in.
    await signIn(page, admin);
    await expect(page.locator('h1')).toHaveText('Здравствуйте, Bianca Benefit');
    await expect(page.locator('footer')).toContainText(/\d+ нояб\. 2020 г\./);
    // 25 days left: "25 дней"; a 5-day voucher: "5 дней".
    await expect(page.locator('table.data')).toContainText(/\d+ (день|дня|дней)/);
    await page.goto('/vouchers');
    await expect(page.locator('table.data')).toContainText('5 дней');

    // And back, from any page.
    await page.getByLabel('Язык').selectOption('it');
    await page.getByRole('button', { name: 'Сменить' }).click();
    await expect(page).toHaveURL(/\/vouchers$/);
    await expect(page.locator('h1')).toHaveText('Voucher');
    await expect(page.locator('table.data')).toContainText('5 giorni');
  });
});

test.describe('a browser in a language saps does not speak', () => {
  test.use({ locale: 'de-DE' });

  test('gets English', async ({ page }) => {
    await page.goto('/login');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false, locale: 'fr-FR' });

  test('a customer creates a voucher, choosing its lengths with the button', async ({ page }) => {
    await signIn(page, accounts.wideworldAdmin);
    await page.goto('/vouchers/new');
    await page.locator('#engagement').selectOption('DYDPS-ERP');
    // No script refreshes the lengths: the button does.
    await page.getByRole('button', { name: 'Afficher ses durées' }).click();
    await expect(page.locator('#engagement')).toHaveValue('DYDPS-ERP');
    await expect(page.locator('input[name="days"]')).toHaveCount(3);
    await page.locator('input[name="days"][value="5"]').check();
    await page.getByRole('button', { name: 'Créer le bon' }).click();
    await expect(page.locator('.alert.success')).toContainText('Le bon est créé.');
    await expect(page.locator('dl.facts')).toContainText('5 jours');
    await expect(page.locator('dl.facts')).toContainText(/\d+(er)? mai 2021/); // "1er mai 2021" on the first
  });
});
