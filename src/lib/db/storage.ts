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

/** How much Trama stores, how much the browser allows, and whether it promised to keep it. */
export interface StorageStatus {
	used: number;
	quota: number;
	persisted: boolean;
}

export async function storageStatus(): Promise<StorageStatus | undefined> {
	const estimate = await storageEstimate();
	if (!estimate) return undefined;
	let persisted = false;
	try {
		persisted = (await globalThis.navigator?.storage?.persisted?.()) ?? false;
	} catch {
		// Not answered: as if not promised.
	}
	return { ...estimate, persisted };
}

/**
 * Asks the browser to keep Trama's data when space runs short (`navigator.storage.persist`).
 * Some browsers answer at once from how much the site is used, others ask the user. True when
 * promised.
 */
export async function askPersistence(): Promise<boolean> {
	try {
		return (await globalThis.navigator?.storage?.persist?.()) ?? false;
	} catch {
		return false;
	}
}
