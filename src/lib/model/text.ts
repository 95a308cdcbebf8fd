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

/**
 * Characters that change how text reads without showing themselves: the bidirectional controls
 * (an override turns "nituP" into "Putin" on screen) and the zero-width ones (two names that look
 * the same and are not). Names and titles from other people's files may carry them. The zero-width
 * joiner and non-joiner are left out: Persian, Indic scripts and emoji need them.
 */
const HIDDEN = /[\u061C\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/gu;

/** The hidden characters in a text, each once, as "U+202E" (empty when there are none). */
export function hiddenCharacters(text: string): string[] {
	const found = new Set<string>();
	for (const [c] of text.matchAll(HIDDEN))
		found.add(`U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
	return [...found];
}

/** The text with each hidden character written out where it is: "Putin⟦U+202E⟧". */
export function revealHidden(text: string): string {
	return text.replace(
		HIDDEN,
		(c) => `⟦U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}⟧`
	);
}
