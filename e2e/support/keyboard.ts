// Moving through a page as a keyboard user does: Tab (or Shift+Tab, back), and nothing else, until
// the target has focus.
import type { Locator, Page } from '@playwright/test';

export async function tabTo(
  page: Page,
  target: Locator,
  maxPresses = 200,
  key: 'Tab' | 'Shift+Tab' = 'Tab',
): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${target.toString()} never received keyboard focus in ${maxPresses} presses of Tab`);
}
