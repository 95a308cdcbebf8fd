/**
 * Settings kept in the browser outside the database: the theme, the language, the timeline's height, remembered
 * field mappings, saved searches. A backup carries them and a restore replaces them, but only the
 * settings Trama knows, each checked: a backup is a file like any other, and may come from
 * someone else. Hosts the user allowed downloads from (`trama.approvedHosts`) are never carried:
 * a stranger's backup must not approve a host for this browser.
 */
import { isLanguage, LANGUAGE_KEY } from '../i18n';
import { THEME_KEY } from './theme.svelte';
import { SAVED_SEARCHES_KEY, parseSaved } from './saved-searches.svelte';

/** The timeline's height in pixels (`src/routes/split.ts`). */
export const SPLIT_KEY = 'trama.split.timeline';
/** A field mapping remembered for one set of fields (`import.svelte.ts`). */
export const MAPPING_PREFIX = 'trama.import.mapping:';
/** No setting Trama writes comes near this; a larger value in a backup is not a setting of ours. */
const MAX_VALUE = 1_000_000;
const MAX_KEY = 2_000;

/** A field mapping: target → field name, a few dozen at most. */
function isMapping(value: string): boolean {
	try {
		const json: unknown = JSON.parse(value);
		if (typeof json !== 'object' || json === null || Array.isArray(json)) return false;
		const entries = Object.entries(json);
		return (
			entries.length <= 50 &&
			entries.every(([k, v]) => k.length <= 100 && typeof v === 'string' && v.length <= 1_000)
		);
	} catch {
		return false;
	}
}

/**
 * The settings Trama knows: which keys, and each one's value as it is kept (undefined: not a
 * value it would write).
 */
const KNOWN: { key: (key: string) => boolean; value: (value: string) => string | undefined }[] = [
	{ key: (k) => k === THEME_KEY, value: (v) => (v === 'dark' || v === 'light' ? v : undefined) },
	{ key: (k) => k === LANGUAGE_KEY, value: (v) => (isLanguage(v) ? v : undefined) },
	{
		key: (k) => k === SPLIT_KEY,
		value: (v) => (/^\d{1,5}$/.test(v) && Number(v) > 0 ? v : undefined)
	},
	{ key: (k) => k.startsWith(MAPPING_PREFIX), value: (v) => (isMapping(v) ? v : undefined) },
	{
		key: (k) => k === SAVED_SEARCHES_KEY,
		// Each saved search is checked; the ones that are not are left out.
		value: (v) => (v.trim().startsWith('[') ? JSON.stringify(parseSaved(v)) : undefined)
	}
];

/** A setting as Trama would keep it, or undefined when the key or the value is not one of ours. */
export function checkedSetting(key: string, value: string): string | undefined {
	if (key.length > MAX_KEY || value.length > MAX_VALUE) return undefined;
	return KNOWN.find((k) => k.key(key))?.value(value);
}

const isKnownKey = (key: string) => key.length <= MAX_KEY && KNOWN.some((k) => k.key(key));

/** Every setting a backup carries, by key; empty when storage is refused. */
export function readSettings(): Record<string, string> {
	const out: Record<string, string> = {};
	try {
		for (let i = 0; i < localStorage.length; i++) {
			const key = localStorage.key(i);
			const value = key === null ? null : localStorage.getItem(key);
			if (key !== null && value !== null && isKnownKey(key)) out[key] = value;
		}
	} catch {
		// Storage refused: there are no settings to read.
	}
	return out;
}

/**
 * Replaces the settings a backup carries with a restored backup's. Returns the backup's keys
 * that were not restored: not a setting of Trama's, or not a value it would keep.
 */
export function replaceSettings(settings: Record<string, string>): string[] {
	const skipped: string[] = [];
	const kept: [string, string][] = [];
	for (const [key, value] of Object.entries(settings)) {
		const checked = typeof value === 'string' ? checkedSetting(key, value) : undefined;
		if (checked === undefined) skipped.push(key);
		else kept.push([key, checked]);
	}
	try {
		const old: string[] = [];
		for (let i = 0; i < localStorage.length; i++) {
			const key = localStorage.key(i);
			if (key !== null && isKnownKey(key)) old.push(key);
		}
		for (const key of old) localStorage.removeItem(key);
		for (const [key, value] of kept) localStorage.setItem(key, value);
	} catch {
		// Storage refused: the data is restored, the settings are not.
	}
	return skipped;
}
