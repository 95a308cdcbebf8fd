/**
 * The interface language: English (`en.ts`) or Spanish (`es.ts`), each a file of the same shape
 * (a third language is one more file and one more line in `LANGUAGES`). Chosen once, when the
 * page opens: the one the user chose (kept in the browser, and in backups), else the first of
 * the browser's languages Trama speaks, else English. Switching keeps the choice and reloads;
 * the URL keeps the view.
 */
import { messageOf } from '../model/errors';
import type { Message, Problem } from '../model/messages';
import { en, type Messages } from './en';
import { renderMessage, renderProblem } from './render';

export type { Messages };

/** Each language Trama speaks, by code, with its own name for itself (for the switch). */
export const LANGUAGES = { en: 'English', es: 'Español' } as const;
export type Language = keyof typeof LANGUAGES;

/** Where the chosen language is kept (see `state/settings.ts`). */
export const LANGUAGE_KEY = 'trama.language';

export const isLanguage = (value: unknown): value is Language =>
	typeof value === 'string' && Object.hasOwn(LANGUAGES, value);

/**
 * The language to show: `chosen` if it is one Trama speaks, else the first of `preferred` (the
 * browser's, as BCP 47 tags: "es-ES", "es-419", "en-US") whose language Trama speaks.
 */
export function chooseLanguage(
	chosen: string | null | undefined,
	preferred: readonly string[]
): Language {
	if (isLanguage(chosen)) return chosen;
	for (const tag of preferred) {
		const primary = tag.toLowerCase().split('-')[0];
		if (isLanguage(primary)) return primary;
	}
	return 'en';
}

/** Each language's texts, loaded when it is the one chosen (English is always at hand). */
const TEXTS: Record<Language, () => Promise<Messages>> = {
	en: () => Promise.resolve(en),
	es: () => import('./es').then((m) => m.es)
};

/** The language the user chose on this browser, if any (none where storage is refused). */
function chosenLanguage(): string | null {
	try {
		return globalThis.localStorage?.getItem(LANGUAGE_KEY) ?? null;
	} catch {
		return null;
	}
}

/** The language of this page. */
export const language: Language = chooseLanguage(
	chosenLanguage(),
	typeof navigator === 'undefined' ? [] : (navigator.languages ?? [])
);

/**
 * The messages of the current language: English until `loadLanguage` has loaded the chosen one,
 * which the page does before its first render (`src/routes/+layout.ts`).
 */
export let t: Messages = en;

/** Loads the chosen language's texts (only that language's file is downloaded). */
export async function loadLanguage(): Promise<void> {
	t = await TEXTS[language]();
}

/** Keeps the user's choice of language and opens the page again in it (the URL keeps the view). */
export function switchLanguage(next: Language): void {
	if (next === language) return;
	try {
		localStorage.setItem(LANGUAGE_KEY, next);
	} catch {
		// Storage refused: the choice lasts for this page only, through the reload below.
	}
	location.reload();
}

/** A message of the model, the importers or the store, in the interface language. */
export function describeMessage(message: Message): string {
	return renderMessage(t, message);
}

/** A message that stands alone, as a sentence: its first letter a capital. */
export function describeSentence(message: Message): string {
	const text = describeMessage(message);
	return text.charAt(0).toLocaleUpperCase(t.locale) + text.slice(1);
}

/** `events[12].start: 13 is not a month`, or the reason alone for the whole input. */
export function describeProblem(problem: Problem): string {
	return renderProblem(t, problem);
}

/** What went wrong, in words: the message an error carries, or its own text. */
export function describeError(error: unknown): string {
	return describeMessage(messageOf(error));
}

let regionNames: Intl.DisplayNames | undefined;

/** A country's name from its ISO 3166-1 code, in the interface language ("RU" → "Russia"). */
export function countryName(code: string): string {
	regionNames ??= new Intl.DisplayNames([t.locale], { type: 'region', fallback: 'code' });
	return regionNames.of(code) ?? code;
}
