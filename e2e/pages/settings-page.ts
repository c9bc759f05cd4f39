import type { Locator, Page } from '@playwright/test';
import { checkAccessibility } from '../support/axe';

/** The editor's pages, by their names in the Settings menu, and where each is. */
export const SETTINGS_PAGES = {
  Identifiers: '',
  Sources: '/sources',
  Fields: '/fields',
  Statuses: '/statuses',
  'Cards and tills': '/cards-and-tills',
  Loyalty: '/loyalty',
  Limits: '/limits',
  Requests: '/requests',
  History: '/history',
} as const;
export type SettingsPageName = keyof typeof SETTINGS_PAGES;

/** The Registration Configuration editor, its pages by the accessible names of the UI contract. */
export class SettingsPage {
  /** The first page (Identifiers); the others are below it. */
  static readonly URL = '/member-care/ui/settings/registration';
  static urlOf(name: SettingsPageName): string {
    return `${SettingsPage.URL}${SETTINGS_PAGES[name]}`;
  }

  readonly heading: Locator;
  /** The Settings menu: the editor's pages, then the administration's. */
  readonly menu: Locator;
  readonly saveButton: Locator;
  readonly saved: Locator;
  readonly notSaved: Locator;
  /** The configuration history under the form, and its saves (newest first). */
  readonly history: Locator;
  readonly saves: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Registration Configuration' });
    this.menu = page.getByRole('navigation', { name: 'Settings' });
    this.saveButton = page.getByRole('button', { name: 'Save configuration' });
    this.saved = page.getByRole('status').filter({ hasText: 'Configuration saved' });
    this.notSaved = page.getByRole('alert').filter({ hasText: 'The configuration was not saved' });
    this.history = page.getByRole('region', { name: 'Configuration history' });
    this.saves = this.history.getByRole('list', { name: 'Saves, newest first' }).getByRole('listitem');
  }

  /** Opens one page of the editor (the first unless named) and waits until it can take input. */
  async goto(name: SettingsPageName = 'Identifiers') {
    const response = await this.page.goto(SettingsPage.urlOf(name));
    await this.heading.waitFor();
    // The form is server-rendered: typing before React hydrates it is undone by hydration.
    await this.page.waitForLoadState('networkidle');
    await checkAccessibility(this.page);
    return response;
  }

  /** A link of the Settings menu. */
  menuLink(name: SettingsPageName | string): Locator {
    return this.menu.getByRole('link', { name, exact: true });
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
