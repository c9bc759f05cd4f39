import { expect, type Locator, type Page } from '@playwright/test';
import { checkAccessibility } from '../support/axe';

export const CUSTOMER_URL = /\/member-care\/ui\/customer\/(\d+)$/;

export class CustomerPage {
  readonly heading: Locator;
  readonly avatar: Locator;
  readonly tooltip: Locator;
  readonly tabs: Locator;
  readonly outcome: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.avatar = page.getByRole('img', { name: 'Profile picture' });
    this.tooltip = page.getByRole('tooltip');
    this.tabs = page.getByRole('tablist').getByRole('tab');
    this.outcome = page.getByTestId('registration-outcome');
  }

  async goto(id: number) {
    const response = await this.page.goto(`/member-care/ui/customer/${id}`);
    await checkAccessibility(this.page);
    return response;
  }

  /** The customer id at the end of the URL. */
  idFromUrl(): number {
    const m = CUSTOMER_URL.exec(new URL(this.page.url()).pathname);
    expect(m, `not a customer page: ${this.page.url()}`).not.toBeNull();
    return Number(m?.[1]);
  }

  tab(name: string): Locator {
    return this.page.getByRole('tab', { name, exact: true });
  }

  activePanel(): Locator {
    return this.page.getByRole('tabpanel');
  }

  /** Tabs forward from the top of the page until the profile picture has keyboard focus. */
  async focusAvatarByKeyboard() {
    await this.page.locator('body').click({ position: { x: 1, y: 300 } });
    for (let i = 0; i < 30; i++) {
      await this.page.keyboard.press('Tab');
      if (await this.avatar.evaluate((el) => el === document.activeElement)) return;
    }
    throw new Error('the profile picture never received keyboard focus');
  }
}
