/**
 * The page runs only its own code: its Content-Security-Policy refuses inline scripts, `eval`,
 * plugins and a <base>, whatever an imported file or a hostile link manages to put on the page.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from './test';

/** A policy's directives: name → values. */
function directivesOf(policy: string): Map<string, string[]> {
	return new Map(
		policy
			.split(';')
			.map((d) => d.trim().split(/\s+/))
			.filter(([name]) => name)
			.map(([name = '', ...values]) => [name, values])
	);
}

function expectStrict(policy: string): void {
	const directives = directivesOf(policy);
	const scripts = directives.get('script-src') ?? [];
	expect(scripts).toContain("'self'");
	expect(scripts).not.toContain("'unsafe-inline'");
	expect(scripts).not.toContain("'unsafe-eval'");
	// Kit's one inline bootstrap, by its hash.
	expect(scripts.filter((s) => s.startsWith("'sha256-"))).toHaveLength(1);
	expect(directives.get('object-src')).toEqual(["'none'"]);
	expect(directives.get('base-uri')).toEqual(["'none'"]);
	expect(directives.get('default-src')).toEqual(["'self'"]);
}

test('the built page carries a strict Content-Security-Policy, as a header and as a meta tag', async ({
	page
}) => {
	// A server that renders the page (here, the preview) sends it as a header, with the
	// directives a <meta> tag cannot carry.
	const response = await page.goto('/');
	const header = response?.headers()['content-security-policy'] ?? '';
	expectStrict(header);
	expect(directivesOf(header).get('frame-ancestors')).toEqual(["'none'"]);
	// A static host serves the built shell, which carries it as a <meta> tag.
	const shell = readFileSync('build/200.html', 'utf8');
	const meta = /<meta http-equiv="content-security-policy" content="([^"]+)">/.exec(shell);
	expect(meta).not.toBeNull();
	expectStrict(meta![1]!.replaceAll('&#39;', "'"));
	// No inline script other than Kit's bootstrap: the theme is set by a file of its own.
	expect(shell.match(/<script>/g)).toHaveLength(1);
	expect(shell).toContain('src="/theme.js"');
	// The app still starts under it: the default dataset's events are drawn.
	await expect(page.locator('[data-event-id]').first()).toBeAttached({
		timeout: 15_000
	});
});

test('an inline script or eval put on the page does not run', async ({ page, csp }) => {
	await page.goto('/');
	await expect(page.locator('[data-event-id]').first()).toBeAttached({
		timeout: 15_000
	});
	const ran = await page.evaluate(async () => {
		const w = window as unknown as Record<string, unknown>;
		const script = document.createElement('script');
		script.textContent = 'window.__injected = true';
		document.body.append(script);
		const holder = document.createElement('div');
		holder.innerHTML = '<img src="x:" onerror="window.__handler = true">';
		document.body.append(holder);
		// A string for a timer is evaluated by the page itself (code run from here is not).
		(setTimeout as (code: string, ms: number) => number)('window.__evaluated = true', 0);
		await new Promise((r) => setTimeout(r, 200));
		return {
			inline: w.__injected === true,
			handler: w.__handler === true,
			evaluated: w.__evaluated === true
		};
	});
	expect(ran).toEqual({ inline: false, handler: false, evaluated: false });
	// The browser said why, once for each; the guard every test runs under fails on refusals, so
	// these expected ones are counted here and cleared.
	await expect.poll(() => csp.refused.length).toBeGreaterThanOrEqual(3);
	csp.refused.length = 0;
});
