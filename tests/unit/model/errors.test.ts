import { describe, expect, it } from 'vitest';
import { messageOf } from '$lib/model/errors';

describe('messageOf', () => {
	it("gives an error's message, or anything else thrown as text", () => {
		expect(messageOf(new TypeError('the server is unreachable'))).toBe('the server is unreachable');
		expect(messageOf('cancelled')).toBe('cancelled');
		expect(messageOf(42)).toBe('42');
	});
});
