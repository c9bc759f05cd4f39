import path from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import { SCREENSHOT_DIR } from './accounts';

/**
 * The whole page as a person would see it on a tall screen: the viewport grows to the page's height
 * first, so sticky bars stay at the top and bottom instead of landing mid-page in a stitched image.
 */
export async function saveScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const size = page.viewportSize() ?? { width: 1280, height: 900 };
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: size.width, height: Math.min(Math.max(height, size.height), 6000) });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
  await page.setViewportSize(size);
}
