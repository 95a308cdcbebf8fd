/**
 * Work put off until the page is idle: after the frames a reader is waiting for, or after
 * `timeout` ms at the latest. Where idle callbacks are not had (Safari), a short timer stands
 * in for them.
 */
export function whenIdle(work: () => void, timeout = 2000): { cancel(): void } {
	if (typeof requestIdleCallback === 'function') {
		const id = requestIdleCallback(work, { timeout });
		return { cancel: () => cancelIdleCallback(id) };
	}
	const id = setTimeout(work, Math.min(timeout, 200));
	return { cancel: () => clearTimeout(id) };
}
