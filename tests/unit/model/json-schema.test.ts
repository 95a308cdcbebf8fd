/**
 * The published JSON Schema must be exactly what the code's schema generates. Regenerate it with
 * `npm run schema` after changing the model.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FORMAT_VERSION, nativeJsonSchema } from '$lib/model/schema';

const path = `static/schema/trama-v${FORMAT_VERSION}.schema.json`;

describe('the published JSON Schema', () => {
	const generated = `${JSON.stringify(nativeJsonSchema(), null, '\t')}\n`;
	if (process.env.UPDATE_SCHEMA === '1') writeFileSync(path, generated);

	it(`${path} matches the schema in code`, () => {
		expect(readFileSync(path, 'utf8')).toBe(generated);
	});

	it('describes the format marker, version and partial dates', () => {
		const schema = JSON.parse(generated) as {
			properties: Record<string, { const?: unknown }>;
			required: string[];
		};
		expect(schema.properties.format?.const).toBe('trama');
		expect(schema.properties.version?.const).toBe(1);
		expect(schema.required).toEqual(
			expect.arrayContaining(['format', 'version', 'dataset', 'events'])
		);
		expect(generated).toContain(
			'^-?[0-9]{4}(-[0-9]{2}(-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2})?Z?)?)?)?$'
		);
		// The numbering of years and the zone of times are stated, not left to guess.
		expect(generated).toContain('-0299 is 300 BCE');
		expect(generated).toContain('a time without Z');
	});
});
