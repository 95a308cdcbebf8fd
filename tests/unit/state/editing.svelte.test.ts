import { describe, expect, it } from 'vitest';
import { newEventId } from '$lib/state/editing.svelte';

describe('a new event’s id', () => {
	it('is its title in lower case with dashes and a random part of six characters', () => {
		expect(newEventId('Kim–Putin summit at Vostóchny', () => 0.5)).toBe(
			'kim-putin-summit-at-vostochny-i00000'
		);
		expect(newEventId('会谈', () => 0)).toBe('event-000000');
		const long = newEventId('a '.repeat(100), () => 0.999999);
		expect(long.length).toBeLessThanOrEqual(48 + 7);
		expect(long).toMatch(/^a(-a)*-[0-9a-z]{6}$/);
	});
});
