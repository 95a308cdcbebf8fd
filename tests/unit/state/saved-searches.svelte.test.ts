import { describe, expect, it } from 'vitest';
import {
	parseSaved,
	SAVED_NAME_MAX,
	SAVED_SEARCHES_KEY,
	SavedSearches
} from '$lib/state/saved-searches.svelte';

class MemoryStorage {
	readonly items = new Map<string, string>();
	refuse = false;
	getItem(key: string): string | null {
		return this.items.get(key) ?? null;
	}
	setItem(key: string, value: string): void {
		if (this.refuse) throw new DOMException('full', 'QuotaExceededError');
		this.items.set(key, value);
	}
}

const denied = { text: 'arms', facets: { confidence: ['denied'] } };

describe('SavedSearches', () => {
	it('saves the filter and the window under a name, sorted, and reads them back', () => {
		const storage = new MemoryStorage();
		const saved = new SavedSearches(storage);
		const now = new Date('2026-12-02T10:00:00Z');
		expect(saved.save('  Denied   arms ', denied, { start: 1, end: 2 }, now)).toEqual({
			ok: true,
			replaced: false
		});
		expect(saved.save('All of Kim', { text: 'kim', facets: {} }, undefined, now).ok).toBe(true);
		expect(saved.list.map((s) => s.name)).toEqual(['All of Kim', 'Denied arms']);
		const again = new SavedSearches(storage);
		expect(again.list[1]).toEqual({
			name: 'Denied arms',
			query: denied,
			window: { start: 1, end: 2 },
			savedAt: '2026-12-02T10:00:00.000Z'
		});
	});

	it('replaces a search of the same name, and removes one', () => {
		const saved = new SavedSearches(new MemoryStorage());
		saved.save('A', denied, undefined);
		expect(saved.save('A', { text: 'x', facets: {} }, undefined)).toEqual({
			ok: true,
			replaced: true
		});
		expect(saved.list).toHaveLength(1);
		expect(saved.list[0]?.query.text).toBe('x');
		expect(saved.remove('A')).toBe(true);
		expect(saved.list).toEqual([]);
	});

	it('refuses an empty or long name, and says when storage refuses, changing nothing', () => {
		const storage = new MemoryStorage();
		const saved = new SavedSearches(storage);
		expect(saved.save('  ', denied, undefined)).toEqual({ ok: false, error: 'empty' });
		expect(saved.save('x'.repeat(SAVED_NAME_MAX + 1), denied, undefined)).toEqual({
			ok: false,
			error: 'long'
		});
		storage.refuse = true;
		expect(saved.save('A', denied, undefined)).toEqual({ ok: false, error: 'storage' });
		expect(saved.list).toEqual([]);
		expect(storage.items.size).toBe(0);
	});

	it('skips damaged entries and unknown facets in what is stored', () => {
		expect(parseSaved('not json')).toEqual([]);
		expect(parseSaved('{"name":"x"}')).toEqual([]);
		const text = JSON.stringify([
			{ name: 'ok', query: denied, window: { start: 5, end: 1 } },
			{ name: '', query: denied },
			{ name: 'bad facet', query: { text: '', facets: { colour: ['red'] } } },
			{ name: 'bad values', query: { text: '', facets: { tag: [1] } } },
			null
		]);
		expect(parseSaved(text)).toEqual([{ name: 'ok', query: denied, savedAt: '' }]);
		const storage = new MemoryStorage();
		storage.items.set(SAVED_SEARCHES_KEY, text);
		expect(new SavedSearches(storage).list.map((s) => s.name)).toEqual(['ok']);
	});
});
