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
	// A message of ours inside a library's error (the store refusing to open, say).
	for (let e = innerOf(error), depth = 0; e !== undefined && depth < 5; e = innerOf(e), depth++)
		if (e instanceof MessageError) return e.msg;
	const storage = storageMessage(error);
	if (storage) return storage;
	return msg('error.unexpected', {
		detail: error instanceof Error ? error.message : String(error)
	});
}

/** Errors that say the browser will not let a site store anything here. */
const REFUSED = new Set([
	'MissingAPIError',
	'SecurityError',
	'InvalidStateError',
	'NotAllowedError'
]);
/** Errors of IndexedDB (or of the library over it) that say an operation failed. */
const FAILED = new Set([
	'UnknownError',
	'OpenFailedError',
	'DatabaseClosedError',
	'AbortError',
	'DataError',
	'DataCloneError',
	'ConstraintError',
	'ReadOnlyError',
	'TransactionInactiveError',
	'NotFoundError',
	'InvalidTableError',
	'UpgradeError'
]);

/** The error inside another (a library wraps the browser's in `inner`; `cause` is standard). */
function innerOf(error: unknown): unknown {
	if (typeof error !== 'object' || error === null) return undefined;
	const { inner, cause } = error as { inner?: unknown; cause?: unknown };
	return inner ?? cause;
}

/** An error and the ones inside it. */
function* chainOf(error: unknown): Generator<{ name: string; message: string }> {
	let e: unknown = error;
	for (let depth = 0; depth < 5 && typeof e === 'object' && e !== null; depth++) {
		const { name, message } = e as { name?: unknown; message?: unknown };
		yield {
			name: typeof name === 'string' ? name : '',
			message: typeof message === 'string' ? message : ''
		};
		e = innerOf(e);
	}
}

/**
 * The message for a failure of the browser's storage, in plain words: full, refused, holding a
 * newer version's data, or another failure with the browser's own words (never a library's
 * name or links). Undefined when the error is not one of storage.
 */
export function storageMessage(error: unknown): Message | undefined {
	const chain = [...chainOf(error)];
	if (chain.some((e) => e.name === 'QuotaExceededError')) return msg('store.full');
	if (chain.some((e) => e.name === 'VersionError')) return msg('store.newer');
	// A table of Trama's with another key: another program wrote this database.
	if (chain.some((e) => e.name === 'UpgradeError')) return msg('store.incompatible');
	if (chain.some((e) => REFUSED.has(e.name))) return msg('store.unavailable');
	if (!chain.some((e) => FAILED.has(e.name))) return undefined;
	// The innermost words are the browser's own; a library's wrapping adds its name and links.
	const detail = chain.at(-1)!.message.replace(/\s*(?:Please visit|See)?\s*https?:\/\/\S+/gi, '');
	return msg('store.failed', { detail: detail.trim() || chain.at(-1)!.name });
}
