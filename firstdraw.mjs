import { chromium } from 'playwright-core';
const url = process.argv[2];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
const page = await ctx.newPage();
for (const label of ['first start', 'reload', 'reload']) {
  const t0 = Date.now();
  if (label === 'first start') await page.goto(url); else await page.reload();
  await page.waitForSelector('.vis-item', { state: 'attached', timeout: 60000 });
  console.log(label, Date.now() - t0, 'ms');
}
await browser.close();
