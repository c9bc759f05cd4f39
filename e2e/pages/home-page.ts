import { expect, type Locator, type Page } from '@playwright/test';
import { checkAccessibility } from '../support/axe';

/** The home page's search box, a combobox with suggestions, by the names of the UI contract. */
export class HomePage {
  readonly searchBox: Locator;
  readonly suggestions: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.searchBox = page.getByRole('combobox', { name: 'Search customers' });
    this.suggestions = page.getByRole('listbox', { name: 'Suggested customers' });
    this.status = page.getByRole('search').getByRole('status');
  }

  async goto() {
    await this.page.goto('/member-care/ui');
    // Typing before React hydrates the box would reach no handler.
    await this.page.waitForLoadState('networkidle');
    await checkAccessibility(this.page);
  }

  /** Types as a person does, key by key, so every keystroke goes through the box's handlers. */
  async type(text: string) {
    await this.searchBox.pressSequentially(text, { delay: 30 });
  }

  activeOption(): Locator {
    return this.suggestions.getByRole('option', { selected: true });
  }

  /** Arrow keys down the suggestions until the highlighted one contains `text`, then Enter. */
  async pickByKeyboard(text: string) {
    await expect(this.suggestions.getByRole('option').filter({ hasText: text })).toBeVisible();
    await checkAccessibility(this.page);
    const count = await this.suggestions.getByRole('option').count();
    for (let i = 0; i < count; i++) {
      await this.searchBox.press('ArrowDown');
      if (((await this.activeOption().textContent()) ?? '').includes(text)) {
        await expect(this.searchBox).toHaveAttribute('aria-activedescendant', /.+/);
        await this.searchBox.press('Enter');
        return;
      }
    }
    throw new Error(`no suggestion containing ${text}`);
  }
}
