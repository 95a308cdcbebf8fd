/**
 * The settings a backup carries: only Trama's own, each checked on restore, and never the hosts
 * the user allowed downloads from.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkedSetting, readSettings, replaceSettings } from '$lib/state/settings';
import { installMemoryStorage, removeMemoryStorage, type MemoryStorage } from '../helpers';

let storage: MemoryStorage;
beforeEach(() => {
	storage = installMemoryStorage();
});
afterEach(removeMemoryStorage);

const saved = JSON.stringify([
	{ name: 'Summits', query: { text: 'summit', facets: {} }, savedAt: '' }
]);

describe('settings', () => {
	it('a backup carries the theme, the split, mappings and saved searches, not approved hosts or strangers', () => {
		storage.setItem('trama.theme', 'dark');
		storage.setItem('trama.split.timeline', '240');
		storage.setItem('trama.import.mapping:date|title', '{"start":"date","title":"title"}');
		storage.setItem('trama.savedSearches', saved);
		storage.setItem('trama.approvedHosts', '["example.org"]');
		storage.setItem('other.app', 'x');
		expect(Object.keys(readSettings()).sort()).toEqual([
			'trama.import.mapping:date|title',
			'trama.savedSearches',
			'trama.split.timeline',
			'trama.theme'
		]);
	});

	it('a restore keeps only settings Trama knows, with values it would write, and says which it left out', () => {
		storage.setItem('trama.theme', 'light');
		storage.setItem('trama.approvedHosts', '["mine.example"]');
		const skipped = replaceSettings({
			'trama.theme': '<img src=x onerror=alert(1)>',
			'trama.split.timeline': '300',
			'trama.big': 'x'.repeat(4_000_000),
			'trama.approvedHosts': '["evil.example"]',
			'trama.import.mapping:a': '{"start":{"nested":true}}',
			'trama.import.mapping:b': '{"title":"headline"}',
			'trama.savedSearches': '[{"name":"ok","query":{"text":"x","facets":{}}},{"name":""}]'
		});
		expect(skipped.sort()).toEqual([
			'trama.approvedHosts',
			'trama.big',
			'trama.import.mapping:a',
			'trama.theme'
		]);
		// The theme the backup could not give is gone with the rest of the old settings.
		expect(storage.getItem('trama.theme')).toBeNull();
		expect(storage.getItem('trama.split.timeline')).toBe('300');
		expect(storage.getItem('trama.import.mapping:b')).toBe('{"title":"headline"}');
		expect(storage.getItem('trama.big')).toBeNull();
		// This browser's approvals stay as they were: a backup neither gives nor takes them.
		expect(storage.getItem('trama.approvedHosts')).toBe('["mine.example"]');
		// The saved searches are kept one by one: the one without a name is left out.
		expect(JSON.parse(storage.getItem('trama.savedSearches')!)).toEqual([
			{ name: 'ok', query: { text: 'x', facets: {} }, savedAt: '' }
		]);
	});

	it('checks each kind of value', () => {
		expect(checkedSetting('trama.theme', 'dark')).toBe('dark');
		expect(checkedSetting('trama.theme', 'blue')).toBeUndefined();
		expect(checkedSetting('trama.split.timeline', '-5')).toBeUndefined();
		expect(checkedSetting('trama.split.timeline', '1e9')).toBeUndefined();
		expect(checkedSetting('trama.savedSearches', '{"not":"a list"}')).toBeUndefined();
		expect(checkedSetting('trama.import.mapping:x', 'not json')).toBeUndefined();
		expect(checkedSetting('trama.unknown', 'x')).toBeUndefined();
	});
});
