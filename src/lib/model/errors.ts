/** Errors that carry a message for the user, and the message of anything thrown (pure). */
import { msg, type Message } from './messages';

/**
 * An error that carries a message for the user. Its `message` is the code and parameters, for
 * logs: the words are the interface's to choose (`describeError` in `i18n`).
 */
export class MessageError extends Error {
	override name = 'MessageError';
	readonly msg: Message;

	constructor(message: Message, options?: ErrorOptions) {
		super(`${message.code} ${JSON.stringify(message.params)}`, options);
		this.msg = message;
	}
}

/**
 * The message of anything thrown: a MessageError's own, or, for an error of someone else's (a
 * browser's, a library's), its text as it is.
 */
export function messageOf(error: unknown): Message {
	if (error instanceof MessageError) return error.msg;
	return msg('error.unexpected', {
		detail: error instanceof Error ? error.message : String(error)
	});
}
