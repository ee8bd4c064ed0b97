/* global document */
// Screenshots of every view in one language, for looking at what a person sees (issue 10: the app in
// English with no Chinese left on screen). Usage, after `npx electron-vite build`:
//   npm run serve -- --demo            (prints the URL with its token)
//   node scripts/screenshots.mjs URL [en|zh-CN] [out-dir]
// Writes one PNG per view at each of 1440×900 and 1280×720 and prints, per view, the grid headers
// cut by their column (issue 11 item 9) and the CJK characters left in the page's text (data such as
// group names and nicknames shows up there too: judge by looking at the pictures).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const [url, language = 'en', outDir = '.tmp/screenshots'] = process.argv.slice(2);
if (!url) {
  process.stderr.write('usage: node scripts/screenshots.mjs URL [en|zh-CN] [out-dir]\n');
  process.exit(2);
}
const sizes = [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
];
const cjk = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+/g;

mkdirSync(outDir, { recursive: true });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: sizes[0] });
  await page.goto(url);
  await page.getByTestId('language-select').first().selectOption(language);
  await page.getByTestId('tab-overview').waitFor();
  // Every view of the side navigation, as the page lists them.
  const views = await page.locator('[data-testid^="tab-"]').evaluateAll((els) => els.map((el) => el.getAttribute('data-testid').slice(4)));
  for (const size of sizes) {
    await page.setViewportSize(size);
    for (const view of views) {
      await page.getByTestId(`tab-${view}`).click();
      // A view's code loads on first use, then its figures after the first paint: wait for both.
      await page.getByTestId('view-loading').waitFor({ state: 'detached', timeout: 60_000 }).catch(() => {});
      await page.waitForTimeout(1500);
      await page.waitForFunction(() => !/正在计算|计算中|Calculating|加载中|Loading/.test(document.body.innerText), null, { timeout: 30_000 }).catch(() => {});
      const file = path.join(outDir, `${language}-${size.width}x${size.height}-${view}.png`);
      await page.screenshot({ path: file, fullPage: true });
      const text = await page.evaluate(() => document.body.innerText);
      const clipped = await page.evaluate(() =>
        [...document.querySelectorAll('.ag-header-cell-text')].filter((el) => el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1).map((el) => el.textContent),
      );
      const left = language === 'en' ? [...new Set(text.match(cjk) ?? [])] : [];
      process.stdout.write(`${view}: ${file}${clipped.length ? `\n  headers cut: ${clipped.join(' | ')}` : ''}${left.length ? `\n  CJK left: ${left.slice(0, 40).join(' ')}` : ''}\n`);
    }
  }
} finally {
  await browser.close();
}
