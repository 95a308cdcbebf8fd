/**
 * Text folding shared by the table filter, actor matching and ids (pure): one definition of
 * "the same letters", so "Vladímir" and "vladimir" are equal wherever names are compared.
 */

/** Lower case with accents removed ("Vladímir" → "vladimir"); other characters stay. */
export function foldAccents(text: string): string {
	return text
		.normalize('NFD')
		.replace(/\p{Diacritic}/gu, '')
		.toLowerCase();
}

/**
 * The record whose name or one of whose aliases is `text`, ignoring case, accents and the space
 * around it (a name typed into a form: "vladimir putin", "Владимир Путин"); the first by name
 * wins over one by alias.
 */
export function findNamed<T extends { name: string; aliases?: readonly string[] }>(
	records: Iterable<T>,
	text: string
): T | undefined {
	const wanted = foldAccents(text.trim().replace(/\s+/g, ' '));
	if (wanted === '') return undefined;
	let byAlias: T | undefined;
	for (const r of records) {
		if (foldAccents(r.name) === wanted) return r;
		byAlias ??= r.aliases?.some((a) => foldAccents(a) === wanted) ? r : undefined;
	}
	return byAlias;
}
