import type { Locator, Page } from '@playwright/test';
import { checkAccessibility } from '../support/axe';

/** The registration form, by the accessible names of the UI contract. */
export class RegisterPage {
  readonly submit: Locator;
  readonly formError: Locator;

  constructor(readonly page: Page) {
    this.submit = page.getByRole('button', { name: 'Register customer' });
    this.formError = page.getByRole('alert').filter({ hasText: 'The customer was not registered' });
  }

  async goto() {
    await this.page.goto('/member-care/ui/register');
    await this.page.getByRole('heading', { name: 'Register customer' }).waitFor();
    // Typing before React hydrates the server-rendered form would be undone by hydration.
    await this.page.waitForLoadState('networkidle');
    await checkAccessibility(this.page);
  }

  identifierRow(index: number): Locator {
    return this.page.getByRole('group', { name: `Identifier ${index + 1}` });
  }

  channelRow(index: number): Locator {
    return this.page.getByRole('group', { name: `Channel ${index + 1}` });
  }

  async fillName(first: string, last: string) {
    await this.page.getByLabel('First name', { exact: true }).fill(first);
    await this.page.getByLabel('Last name', { exact: true }).fill(last);
  }

  async setIdentifier(index: number, type: string, value: string) {
    const row = this.identifierRow(index);
    await row.getByLabel('Identifier type').selectOption(type);
    await row.getByLabel('Identifier value').fill(value);
  }

  async addIdentifier(type: string, value: string) {
    const count = await this.page.getByRole('group', { name: /^Identifier \d+$/ }).count();
    await this.page.getByRole('button', { name: 'Add identifier' }).click();
    await this.setIdentifier(count, type, value);
  }

  async addChannel(type: string, value: string, flags: { primary?: boolean; verified?: boolean } = {}) {
    const count = await this.page.getByRole('group', { name: /^Channel \d+$/ }).count();
    await this.page.getByRole('button', { name: 'Add channel' }).click();
    const row = this.channelRow(count);
    await row.getByLabel('Channel type').selectOption(type);
    await row.getByLabel('Channel value').fill(value);
    await row.getByLabel('Primary').setChecked(flags.primary ?? false);
    await row.getByLabel('Verified').setChecked(flags.verified ?? false);
  }

  /** Opens "More details", the fields the admin keeps off the counter: one click. */
  async openMoreDetails() {
    await this.page.locator('summary', { hasText: 'More details' }).click();
  }

  /** A part of the form by its title: "Custom fields", "Extended fields" (their labels may repeat). */
  section(title: string): Locator {
    return this.page.getByRole('region', { name: title, exact: true });
  }

  /** Sets a field by its label (in a section, when given): selects pick an option, other inputs are typed into. */
  async setField(label: string, value: string, section?: string) {
    const control = (section ? this.section(section) : this.page).getByLabel(label, { exact: true });
    const tag = await control.evaluate((el) => el.tagName);
    if (tag === 'SELECT') await control.selectOption(value);
    else await control.fill(value);
  }

  async chooseSource(source: string, accountId?: string) {
    await this.page.getByLabel('Source').selectOption(source);
    if (accountId) await this.page.getByLabel('Account ID').selectOption(accountId);
  }
}
