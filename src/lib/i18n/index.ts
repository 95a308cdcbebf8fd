/** The interface language. English only for now; Spanish will be a sibling of `en.ts`. */
import { messageOf } from '../model/errors';
import type { Message, Problem } from '../model/messages';
import { en, type Messages } from './en';
import { renderMessage, renderProblem } from './render';

export type { Messages };

/** The messages of the current language. */
export const t: Messages = en;

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
