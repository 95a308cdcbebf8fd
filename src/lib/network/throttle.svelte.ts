/**
 * A value that follows another at most every `everyMs`: a change is taken at once when the last
 * was taken long enough ago, otherwise once the time is up (the latest then). The network's
 * labels follow the moving nodes this way. Create it while a component sets up: it runs effects.
 */
export function throttled<T>(read: () => T, initial: T, everyMs: number): { readonly current: T } {
	let current = $state.raw<T>(initial);
	let last = -Infinity;
	let timer: ReturnType<typeof setTimeout> | undefined;
	$effect(() => {
		const next = read();
		const wait = last + everyMs - performance.now();
		if (wait <= 0) {
			clearTimeout(timer);
			timer = undefined;
			last = performance.now();
			current = next;
		} else if (timer === undefined) {
			timer = setTimeout(() => {
				timer = undefined;
				last = performance.now();
				current = read();
			}, wait);
		}
	});
	$effect(() => () => clearTimeout(timer));
	return {
		get current() {
			return current;
		}
	};
}
