// Page objects and helpers as Playwright fixtures, so specs read as what a person does.
import { test as base } from '@playwright/test';
import { CustomerPage } from './pages/customer-page';
import { LoginPage } from './pages/login-page';
import { RegisterPage } from './pages/register-page';

interface Fixtures {
  loginPage: LoginPage;
  registerPage: RegisterPage;
  customerPage: CustomerPage;
  /** Every POST /v2/customers the page sends, as it sends it. */
  registrationPosts: string[];
}

export const test = base.extend<Fixtures>({
  loginPage: async ({ page }, provide) => provide(new LoginPage(page)),
  registerPage: async ({ page }, provide) => provide(new RegisterPage(page)),
  customerPage: async ({ page }, provide) => provide(new CustomerPage(page)),
  // `provide` rather than Playwright's usual `use`: React's lint rules would take it for the hook.
  registrationPosts: async ({ page }, provide) => {
    const posts: string[] = [];
    page.on('request', (req) => {
      if (req.method() === 'POST' && new URL(req.url()).pathname === '/v2/customers') posts.push(req.postData() ?? '');
    });
    await provide(posts);
  },
});

export { expect } from '@playwright/test';
