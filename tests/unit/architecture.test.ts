/**
 * The dependency rule of `src/lib`, read from the import statements themselves: pure folders
 * depend only on pure folders, storage and files never import each other, the interface
 * language depends only on the model, and state never imports a component folder.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const LIB = resolve('src/lib');

/** Every folder, and the folders it may import (itself always). */
const ALLOWED: Record<string, readonly string[]> = {
	model: [],
	time: ['model'],
	graph: ['model'],
	io: ['model'],
	db: ['model'],
	i18n: ['model'],
	import: ['model', 'io', 'db'],
	export: ['model', 'time', 'graph'],
	// The search index (pure) and its worker, which reads the store.
	search: ['model', 'db'],
	state: ['model', 'time', 'graph', 'io', 'db', 'i18n', 'import', 'export', 'search'],
	// Folders with components may import any of the above, and each other.
	timeline: ['*'],
	network: ['*'],
	ui: ['*']
};

function files(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return files(path);
		return /\.(ts|svelte)$/.test(entry.name) ? [path] : [];
	});
}

/** The `src/lib` folder each import of a file points into, or `routes`; packages are skipped. */
function importedFolders(file: string): string[] {
	const text = readFileSync(file, 'utf8');
	const specifiers = [
		...text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g),
		...text.matchAll(/new URL\('([^']+)', import\.meta\.url\)/g)
	].map((m) => m[1] ?? '');
	return specifiers.flatMap((s) => {
		let target: string;
		if (s.startsWith('$lib/')) target = join(LIB, s.slice(5));
		else if (s.startsWith('.')) target = resolve(dirname(file), s);
		else return [];
		const rel = relative(LIB, target);
		return [rel.startsWith('..') ? 'routes' : (rel.split(/[\\/]/)[0] ?? '')];
	});
}

describe('the dependency rule of src/lib', () => {
	it('every folder is known to the rule', () => {
		const folders = readdirSync(LIB, { withFileTypes: true })
			.filter((e) => e.isDirectory())
			.map((e) => e.name)
			.sort();
		expect(folders).toEqual(Object.keys(ALLOWED).sort());
	});

	it('no folder imports one the rule does not allow', () => {
		const broken: string[] = [];
		for (const file of files(LIB)) {
			const own = relative(LIB, file).split(/[\\/]/)[0] ?? '';
			const allowed = ALLOWED[own] ?? [];
			for (const folder of importedFolders(file)) {
				if (folder === own) continue;
				if (folder === 'routes' || (!allowed.includes('*') && !allowed.includes(folder))) {
					broken.push(`${relative(LIB, file)} → ${folder}`);
				}
			}
		}
		expect(broken).toEqual([]);
	});
});
