/**
 * How search reads text (pure): one folding and one tokenizer for the index and the query, so a
 * word typed is found in any script. Case and accents are ignored ("Vladímir" = "vladimir",
 * "ПУТИН" = "путин"), and Chinese, Japanese and Korean text, written without spaces between
 * words, is split into its characters: "普京" is found by "普" and, as a phrase, by "普京".
 */

/** Characters of scripts written without spaces between words: each is a token of its own. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const CJK_SPLIT =
	/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]|[^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu;
const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/**
 * Lower case, accents and other diacritics removed, composed again (Hangul syllables stay
 * syllables): "Vladímir" → "vladimir", "Ёлка" → "елка".
 */
export function fold(text: string): string {
	return text
		.normalize('NFD')
		.replace(/\p{Diacritic}/gu, '')
		.normalize('NFC')
		.toLowerCase();
}

/** The tokens of a text, folded: its words, and each character of CJK text. */
export function tokenize(text: string): string[] {
	const out: string[] = [];
	for (const match of fold(text).matchAll(WORD)) {
		const word = match[0];
		if (!CJK.test(word)) {
			out.push(word);
			continue;
		}
		for (const part of word.match(CJK_SPLIT) ?? []) out.push(part);
	}
	return out;
}

/** Whether a token is one CJK character (it is found by itself, never by a prefix of it). */
export function isCjk(token: string): boolean {
	return CJK.test(token);
}

/**
 * A text as the phrase check reads it: its tokens, folded, one space between each and one at
 * either end, so a phrase is found as ` kim jong` (whole words at its start).
 */
export function phraseText(text: string): string {
	const tokens = tokenize(text);
	return tokens.length ? ` ${tokens.join(' ')} ` : '';
}
