/**
 * Actor network speed on the default dataset: from a click on an actor to the highlighted
 * network and filled panel (measured in the page, from the pointer event to the next frame
 * after the panel is in the DOM), and how long the layout takes to settle after the first draw.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { test } from '@playwright/test';
import { timeActorClick } from './helpers';

test('actor click and layout settling, default dataset', async ({ page }) => {
	await page.setViewportSize({ width: 1440, height: 900 });
	await page.goto('/');
	const first = page.locator('[data-testid=network] .node').first();
	await first.waitFor();
	// Settling: frames until no node moves more than half a pixel.
	const settleMs = await page.evaluate(
		() =>
			new Promise<number>((resolve) => {
				const t0 = performance.now();
				let last = '';
				let still = 0;
				const tick = () => {
					const now = [...document.querySelectorAll('[data-testid=network] .node')]
						.map((n) => (n.getAttribute('transform') ?? '').replace(/(\.\d)\d+/g, '$1'))
						.join('|');
					still = now === last ? still + 1 : 0;
					last = now;
					if (still >= 3 || performance.now() - t0 > 10_000) resolve(performance.now() - t0);
					else requestAnimationFrame(tick);
				};
				requestAnimationFrame(tick);
			})
	);
	const clicks: number[] = [];
	for (const id of ['putin', 'kim-jong-un', 'xi-jinping', 'shoigu', 'musk', 'putin']) {
		const ms = await timeActorClick(page, id);
		clicks.push(ms);
		// Clear before the next one (Escape), so each click selects.
		await page.keyboard.press('Escape');
	}
	const sorted = [...clicks].sort((a, b) => a - b);
	const lines = [
		`layout settles: ${Math.round(settleMs)} ms after the first nodes are drawn`,
		`actor click → highlighted network and filled panel: median ${Math.round(sorted[Math.floor(sorted.length / 2)] ?? 0)} ms, max ${Math.round(sorted.at(-1) ?? 0)} ms (${clicks.map((c) => Math.round(c)).join(', ')})`
	];
	console.log(`\n${lines.join('\n')}\n`);
	mkdirSync('tests/bench/out', { recursive: true });
	writeFileSync('tests/bench/out/network.json', JSON.stringify({ settleMs, clicks }, null, '\t'));
});
