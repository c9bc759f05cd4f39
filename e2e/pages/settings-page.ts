import type { Locator, Page } from '@playwright/test';
import { checkAccessibility } from '../support/axe';

/** The Registration Configuration editor, by the accessible names of the UI contract. */
export class SettingsPage {
  static readonly URL = '/member-care/ui/settings/registration';
  readonly heading: Locator;
  readonly saveButton: Locator;
  readonly saved: Locator;
  readonly notSaved: Locator;
  /** The configuration history under the form, and its saves (newest first). */
  readonly history: Locator;
  readonly saves: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Registration Configuration' });
    this.saveButton = page.getByRole('button', { name: 'Save configuration' });
    this.saved = page.getByRole('status').filter({ hasText: 'Configuration saved' });
    this.notSaved = page.getByRole('alert').filter({ hasText: 'The configuration was not saved' });
    this.history = page.getByRole('region', { name: 'Configuration history' });
    this.saves = this.history.getByRole('list', { name: 'Saves, newest first' }).getByRole('listitem');
  }

  async goto() {
    const response = await this.page.goto(SettingsPage.URL);
    await this.heading.waitFor();
    // The form is server-rendered: typing before React hydrates it is undone by hydration.
    await this.page.waitForLoadState('networkidle');
    await checkAccessibility(this.page);
    return response;
  }

  /** A section of the form, by its heading ("Status labels", "Tills", ...). */
  section(title: string): Locator {
    return this.page.getByRole('region', { name: title });
  }

  statusLabelRows(): Locator {
    return this.section('Status labels').getByRole('group', { name: /^Status label \d+$/ });
  }

  async addStatusLabel(name: string, status: string) {
    const count = await this.statusLabelRows().count();
    await this.section('Status labels').getByRole('button', { name: 'Add status label' }).click();
    const row = this.page.getByRole('group', { name: `Status label ${count + 1}` });
    await row.getByLabel('Label name').fill(name);
    await row.getByRole('combobox', { name: 'Status' }).selectOption({ label: status });
  }

  /** The row whose "Label name" holds `name` (input values are not text, so rows are read one by one). */
  async statusLabelRow(name: string): Promise<Locator> {
    const rows = this.statusLabelRows();
    for (let i = 0; i < (await rows.count()); i++) {
      if ((await rows.nth(i).getByLabel('Label name').inputValue()) === name) return rows.nth(i);
    }
    throw new Error(`no status label row named ${name}`);
  }

  async removeStatusLabel(name: string) {
    const row = await this.statusLabelRow(name);
    await row.getByRole('button', { name: /^Remove status label/ }).click();
  }

  async save() {
    await this.saveButton.click();
  }

  /** A save's row for a setting: its header cell, then the values before and after. */
  changeRow(save: Locator, setting: string | RegExp): Locator {
    return save.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: setting }) });
  }
}
