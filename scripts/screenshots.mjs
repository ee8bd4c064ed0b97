/* global document */
// Screenshots of every view in one language, for looking at what a person sees (issue 10: the app in
// English with no Chinese left on screen). Usage, after `npx electron-vite build`:
//   npm run serve -- --demo            (prints the URL with its token)
//   node scripts/screenshots.mjs URL [en|zh-CN] [out-dir]
// Writes one PNG per view and prints, per view, the CJK characters left in the page's text (data
// such as group names and nicknames shows up there too: judge by looking at the pictures).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const [url, language = 'en', outDir = '.tmp/screenshots'] = process.argv.slice(2);
if (!url) {
  process.stderr.write('usage: node scripts/screenshots.mjs URL [en|zh-CN] [out-dir]\n');
  process.exit(2);
}
const views = ['overview', 'metrics', 'funnel', 'churn', 'channels', 'activity', 'features', 'behaviours', 'quadrant', 'vvip', 'abtest', 'community', 'contribution', 'growth', 'data', 'match', 'import'];
const cjk = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+/g;

mkdirSync(outDir, { recursive: true });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(url);
  await page.getByTestId('language-select').first().selectOption(language);
  await page.getByTestId('tab-overview').waitFor();
  for (const view of views) {
    await page.getByTestId(`tab-${view}`).click();
    // Views load their figures after the first paint: wait for the calculating notes to go.
    await page.waitForTimeout(1500);
    await page.waitForFunction(() => !/正在计算|Calculating|加载中|Loading/.test(document.body.innerText), null, { timeout: 30_000 }).catch(() => {});
    const file = path.join(outDir, `${language}-${view}.png`);
    await page.screenshot({ path: file, fullPage: true });
    const text = await page.evaluate(() => document.body.innerText);
    const left = [...new Set(text.match(cjk) ?? [])];
    process.stdout.write(`${view}: ${file}${left.length ? `\n  CJK left: ${left.slice(0, 40).join(' ')}` : ''}\n`);
  }
} finally {
  await browser.close();
}
