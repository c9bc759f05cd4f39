// Moving through a page as a keyboard user does: Tab, and nothing else, until the target has focus.
import type { Locator, Page } from '@playwright/test';

export async function tabTo(page: Page, target: Locator, maxPresses = 200): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${target.toString()} never received keyboard focus in ${maxPresses} presses of Tab`);
}
