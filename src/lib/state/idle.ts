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

/**
 * Work done in idle moments a slice at a time: `step` runs when the page is idle and says
 * whether it is done; until it is, it runs again at the next idle moment. Cancelling stops the
 * next step.
 */
export function whenIdleUntilDone(step: () => boolean): { cancel(): void } {
	let handle = whenIdle(function next() {
		if (!step()) handle = whenIdle(next);
	});
	return { cancel: () => handle.cancel() };
}
