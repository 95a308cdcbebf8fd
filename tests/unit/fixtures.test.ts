import { describe, expect, it } from 'vitest';
import { describeProblem } from '$lib/i18n';
import { parseNativeFile } from '$lib/model/validate';
import { generateFile } from '../fixtures/generate';

describe('the seeded generator', () => {
	it('makes valid native files, the same for the same seed', () => {
		const file = generateFile(2000);
		const parsed = parseNativeFile(file);
		expect(parsed.ok ? [] : parsed.problems.slice(0, 3).map(describeProblem)).toEqual([]);
		expect(JSON.stringify(generateFile(50))).toBe(JSON.stringify(generateFile(50)));
		expect(JSON.stringify(generateFile(50, 60, 0.1))).not.toBe(JSON.stringify(generateFile(50)));
	});
});
