/**
 * Putting messages (`model/messages.ts`) into words, for any language: the shape of a language's
 * message texts, and the renderer that fills in messages nested in a message's parameters.
 */
import {
	MESSAGE_PARAMS,
	type Message,
	type MessageCode,
	type ParamKinds,
	type ParamsWith,
	type Problem
} from '../model/messages';

/** Parameters as a language's text receives them: nested messages and problems already in words. */
interface RenderedKinds extends Omit<ParamKinds, 'message' | 'problems'> {
	message: string;
	/** Each problem as `path: reason` (or the reason alone). */
	problems: string[];
}
export type RenderedParams<C extends MessageCode> = ParamsWith<C, RenderedKinds>;

/** A language's text for every message code. */
export type MessageTexts = { [C in MessageCode]: (params: RenderedParams<C>) => string };

/** What a language gives to put messages into words. */
export interface MessageLanguage {
	messages: MessageTexts;
	/** A problem: where (`events[12].start`, or '' for the whole input) and why, in words. */
	problem: (path: string, reason: string) => string;
}

/** A message in words; its nested messages and problems are put into words first. */
export function renderMessage(language: MessageLanguage, message: Message): string {
	const kinds: Record<string, string> = MESSAGE_PARAMS[message.code];
	const params: Record<string, unknown> = { ...message.params };
	for (const [name, kind] of Object.entries(kinds)) {
		if (kind === 'message') params[name] = renderMessage(language, params[name] as Message);
		if (kind === 'problems')
			params[name] = (params[name] as Problem[]).map((p) => renderProblem(language, p));
	}
	// The code picks the text and its parameters' shape; the compiler cannot pair them here.
	const text = language.messages[message.code] as (params: unknown) => string;
	return text(params);
}

/** A problem in words: `events[12].start: 13 is not a month`. */
export function renderProblem(language: MessageLanguage, problem: Problem): string {
	return language.problem(problem.path, renderMessage(language, problem.message));
}
