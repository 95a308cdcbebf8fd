/**
 * Settings kept in the browser outside the database (theme, remembered field mappings): every
 * localStorage key that starts with `trama.`. A backup carries them; a restore replaces them.
 */
const PREFIX = 'trama.';

/** Every setting, by key; empty when storage is refused. */
export function readSettings(): Record<string, string> {
	const out: Record<string, string> = {};
	try {
		for (let i = 0; i < localStorage.length; i++) {
			const key = localStorage.key(i);
			const value = key === null ? null : localStorage.getItem(key);
			if (key?.startsWith(PREFIX) && value !== null) out[key] = value;
		}
	} catch {
		// Storage refused: there are no settings to read.
	}
	return out;
}

/** Replaces every setting with the given ones (a restored backup's). */
export function replaceSettings(settings: Record<string, string>): void {
	try {
		for (const key of Object.keys(localStorage))
			if (key.startsWith(PREFIX)) localStorage.removeItem(key);
		for (const [key, value] of Object.entries(settings))
			if (key.startsWith(PREFIX)) localStorage.setItem(key, value);
	} catch {
		// Storage refused: the data is restored, the settings are not.
	}
}
