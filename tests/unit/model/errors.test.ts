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
