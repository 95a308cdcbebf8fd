import { describe, expect, it } from 'vitest';
import { mapLatest, yieldToPage } from '$lib/state/live.svelte';
import type { Subscribable } from '$lib/db/repository';

/** A source whose results the test pushes. */
function source<T>() {
	let push: ((value: T) => void) | undefined;
	const sub: Subscribable<T> = {
		subscribe(observer) {
			push = observer.next;
			return { unsubscribe: () => (push = undefined) };
		}
	};
	return { sub, push: (value: T) => push?.(value), open: () => push !== undefined };
}

describe('mapLatest', () => {
	it('passes on each result transformed, and drops one a newer result overtook', async () => {
		const src = source<number>();
		const gates = new Map<number, () => void>();
		const seen: string[] = [];
		const sub = mapLatest(
			src.sub,
			(n) => new Promise<string>((resolve) => gates.set(n, () => resolve(`#${n}`)))
		).subscribe({ next: (v) => seen.push(v), error: () => {} });
		src.push(1);
		gates.get(1)!();
		await yieldToPage();
		expect(seen).toEqual(['#1']);
		// 2 is still being transformed when 3 arrives: only 3 is passed on, whatever the order.
		src.push(2);
		src.push(3);
		gates.get(3)!();
		gates.get(2)!();
		await yieldToPage();
		expect(seen).toEqual(['#1', '#3']);
		sub.unsubscribe();
		expect(src.open()).toBe(false);
	});

	it('says the latest failure, and nothing after closing', async () => {
		const src = source<number>();
		const errors: unknown[] = [];
		const seen: number[] = [];
		const sub = mapLatest(src.sub, (n) =>
			n < 0 ? Promise.reject(new Error('bad')) : Promise.resolve(n)
		).subscribe({ next: (v) => seen.push(v), error: (e) => errors.push(e) });
		src.push(-1);
		await yieldToPage();
		expect(errors).toHaveLength(1);
		sub.unsubscribe();
		src.push(5);
		await yieldToPage();
		expect(seen).toEqual([]);
	});
});
