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
