import { expect, type Locator, type Page } from '@playwright/test';
import { checkAccessibility } from '../support/axe';

export const CUSTOMER_URL = /\/member-care\/ui\/customer\/(\d+)$/;

export class CustomerPage {
  readonly heading: Locator;
  readonly avatar: Locator;
  readonly tooltip: Locator;
  readonly tabs: Locator;
  readonly outcome: Locator;
  readonly editProfileButton: Locator;
  readonly profileForm: Locator;
  readonly changeIdentifiersButton: Locator;
  readonly identifiersDialog: Locator;
  readonly history: Locator;
  readonly staleNotice: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.avatar = page.getByRole('img', { name: 'Profile picture' });
    this.tooltip = page.getByRole('tooltip');
    this.tabs = page.getByRole('tablist').getByRole('tab');
    this.outcome = page.getByTestId('registration-outcome');
    this.editProfileButton = page.getByRole('button', { name: 'Edit profile', exact: true });
    this.profileForm = page.getByRole('form', { name: /^Edit profile/ });
    this.changeIdentifiersButton = page.getByRole('button', { name: 'Change identifiers', exact: true });
    this.identifiersDialog = page.getByRole('dialog', { name: /^Change identifiers/ });
    this.history = page.getByRole('region', { name: 'History' });
    this.staleNotice = page.getByRole('alert').filter({ hasText: 'Someone else changed this customer meanwhile' });
  }

  /** Server-rendered: wait for React before clicking what only works once hydrated. */
  async gotoAndSettle(id: number) {
    await this.goto(id);
    await this.heading.waitFor();
    await this.page.waitForLoadState('networkidle');
  }

  async openProfileForm() {
    await this.editProfileButton.click();
    await expect(this.profileForm).toBeVisible();
    await checkAccessibility(this.page);
  }

  async openIdentifiersDialog() {
    await this.changeIdentifiersButton.click();
    await expect(this.identifiersDialog).toBeVisible();
    await checkAccessibility(this.page);
  }

  async saveProfile() {
    await this.profileForm.getByRole('button', { name: 'Save changes' }).click();
  }

  /** A current identifier of the dialog's list, by its value. */
  currentIdentifier(value: string): Locator {
    return this.identifiersDialog.getByRole('listitem').filter({ hasText: value });
  }

  /** Adds a row in the dialog and fills it. */
  async addIdentifier(type: string, value: string) {
    const rows = this.identifiersDialog.getByRole('group', { name: /^Identifier \d+$/ });
    const count = await rows.count();
    await this.identifiersDialog.getByRole('button', { name: 'Add identifier' }).click();
    const row = this.identifiersDialog.getByRole('group', { name: `Identifier ${count + 1}` });
    await row.getByLabel('Identifier type').selectOption(type);
    await row.getByLabel('Identifier value').fill(value);
    return row;
  }

  /** The history entries (newest first) whose text contains `text`. */
  historyEntry(text: string | RegExp): Locator {
    return this.history.getByRole('listitem').filter({ hasText: text });
  }

  /** A change row of a history entry: its "What" cell, then before and after. */
  changeRow(entry: Locator, what: string): Locator {
    return entry.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: what, exact: true }) });
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
