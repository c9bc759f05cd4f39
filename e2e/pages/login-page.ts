import type { Locator, Page } from '@playwright/test';
import { checkAccessibility } from '../support/axe';

export class LoginPage {
  readonly email: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.email = page.getByLabel('Email');
    this.password = page.getByLabel('Password');
    this.submit = page.getByRole('button', { name: 'Sign in' });
    // Scoped to the form: Next's route announcer is an (empty) alert too.
    this.error = page.locator('form').getByRole('alert');
  }

  async goto(callbackUrl?: string) {
    await this.page.goto(callbackUrl ? `/login?callbackUrl=${encodeURIComponent(callbackUrl)}` : '/login');
    await this.page.waitForLoadState('networkidle'); // hydrated: typing is not undone
    await checkAccessibility(this.page);
  }

  async signIn(email: string, password: string) {
    await this.email.fill(email);
    await this.password.fill(password);
    await this.submit.click();
  }
}
