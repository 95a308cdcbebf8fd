/**
 * What the browser says about its storage for Trama: how much is used and how much is left, for
 * the message of a write the browser refused for lack of room.
 */
import { messageOf } from '../model/errors';
import { msg, type Message } from '../model/messages';

/** Bytes used and allowed, when the browser says (`navigator.storage.estimate`). */
export async function storageEstimate(): Promise<{ used: number; quota: number } | undefined> {
	try {
		const estimate = await globalThis.navigator?.storage?.estimate?.();
		if (estimate?.usage === undefined || estimate.quota === undefined) return undefined;
		return { used: estimate.usage, quota: estimate.quota };
	} catch {
		return undefined;
	}
}

/** The message of an error, with the space used and allowed when storage was full. */
export async function explainError(error: unknown): Promise<Message> {
	const message = messageOf(error);
	if (message.code !== 'store.full') return message;
	const estimate = await storageEstimate();
	return estimate ? msg('store.fullOf', estimate) : message;
}
