/** The interface language. English only for now; Spanish will be a sibling of `en.ts`. */
import { en, type Messages } from './en';

export type { Messages };

/** The messages of the current language. */
export const t: Messages = en;

let regionNames: Intl.DisplayNames | undefined;

/** A country's name from its ISO 3166-1 code, in the interface language ("RU" → "Russia"). */
export function countryName(code: string): string {
	regionNames ??= new Intl.DisplayNames([t.locale], { type: 'region', fallback: 'code' });
	return regionNames.of(code) ?? code;
}
