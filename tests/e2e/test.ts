/**
 * Playwright's `test`, with a guard every browser test runs under: the page's
 * Content-Security-Policy refused nothing. A refusal means the app (or a library it loads) tried
 * an inline script, `eval`, or a request the policy does not allow, and the feature behind it is
 * broken for every user of a host that sends the policy.
 */
import { expect, test as base } from '@playwright/test';

/** What the policy refused during a test: a test that provokes refusals reads and clears it. */
export interface CspRefusals {
	refused: string[];
}

export const test = base.extend<{ csp: CspRefusals }>({
	csp: [
		async ({ page }, use) => {
			const csp: CspRefusals = { refused: [] };
			page.on('console', (message) => {
				if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
					csp.refused.push(message.text());
			});
			await use(csp);
			expect(csp.refused, 'the Content-Security-Policy refused something').toEqual([]);
		},
		{ auto: true }
	]
});

export { expect };
export type { Locator, Page } from '@playwright/test';
