import { describe, expect, it } from 'vitest';
import { MessageError, messageOf } from '$lib/model/errors';
import { msg } from '$lib/model/messages';

describe('messageOf', () => {
	it('gives the message a MessageError carries', () => {
		const message = msg('store.noDataset', { id: 'nope' });
		expect(messageOf(new MessageError(message))).toEqual(message);
	});

	it("gives another error's message, or anything else thrown, as text", () => {
		const unexpected = (detail: string) => msg('error.unexpected', { detail });
		expect(messageOf(new TypeError('the server is unreachable'))).toEqual(
			unexpected('the server is unreachable')
		);
		expect(messageOf('cancelled')).toEqual(unexpected('cancelled'));
		expect(messageOf(42)).toEqual(unexpected('42'));
	});
});

describe('the browser’s storage failing', () => {
	const named = (name: string, message = '', inner?: unknown) =>
		Object.assign(new Error(message), { name, ...(inner ? { inner } : {}) });

	it('says full when the browser refused for lack of room, however deep it is wrapped', () => {
		const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		expect(messageOf(quota)).toEqual(msg('store.full'));
		expect(messageOf(named('AbortError', 'Transaction aborted', quota))).toEqual(msg('store.full'));
	});

	it('says storage is off, without the library’s name or its link, when IndexedDB is missing or refused', () => {
		expect(
			messageOf(
				named('MissingAPIError', 'IndexedDB API missing. Please visit https://tinyurl.com/y2uuvskb')
			)
		).toEqual(msg('store.unavailable'));
		expect(messageOf(new DOMException('denied', 'SecurityError'))).toEqual(
			msg('store.unavailable')
		);
	});

	it('says a newer version wrote the data, and gives the browser’s own words for other failures', () => {
		expect(
			messageOf(named('OpenFailedError', 'x', named('VersionError', 'lower version')))
		).toEqual(msg('store.newer'));
		expect(
			messageOf(
				named(
					'OpenFailedError',
					'UnknownError Internal error. See https://dexie.org/docs/DexieErrors/Dexie.OpenFailedError',
					named('UnknownError', 'Internal error opening backing store for indexedDB.open.')
				)
			)
		).toEqual(
			msg('store.failed', { detail: 'Internal error opening backing store for indexedDB.open.' })
		);
		// A message of ours inside a library's error is ours.
		const ours = msg('store.noDataset', { id: 'x' });
		expect(messageOf(named('DatabaseClosedError', 'closed', new MessageError(ours)))).toEqual(ours);
	});
});
