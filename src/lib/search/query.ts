/**
 * The search box's language (pure). Words must all occur (in any field, or in the name or an
 * alias of an actor of the event); `"a phrase"` must occur as written; `-word` and `-"a phrase"`
 * exclude; `actor:`, `tag:` and `place:` limit a word or a phrase to one field
 * (`actor:"kim jong"`, `-tag:rumour`). Case and accents never matter. What the language cannot
 * read is searched as text, so nothing typed is lost: `foo:bar` looks for "foo" and "bar".
 */
import { tokenize } from './text';

/** The fields a clause may name. */
export const SEARCH_FIELDS = ['actor', 'tag', 'place'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

/** One part of a query: a word or a phrase, perhaps in one field, perhaps excluded. */
export interface Clause {
	/** The clause's tokens (see `tokenize`), folded. A phrase, or a word of CJK characters, has several. */
	tokens: string[];
	/** The tokens must occur together and in this order (a quoted phrase, "kim-jong", "普京"). */
	phrase: boolean;
	/** Limited to one field; anywhere when absent. */
	field?: SearchField;
	/** The events it matches are excluded. */
	negate: boolean;
	/** The last clause, still being typed: its last word may be the start of a longer one. */
	open: boolean;
}

const CLAUSE = /(-)?(?:([A-Za-z]+):)?(?:"([^"]*)"?|(\S+))/g;

/** Reads a query into clauses; an empty or blank query has none. */
export function parseQuery(query: string): Clause[] {
	const clauses: Clause[] = [];
	const endsInSpace = /\s$/.test(query);
	for (const m of query.matchAll(CLAUSE)) {
		const [whole, minus, name, quoted, bare] = m;
		const fieldName = name?.toLowerCase();
		const field = (SEARCH_FIELDS as readonly string[]).includes(fieldName ?? '')
			? (fieldName as SearchField)
			: undefined;
		// An unknown field's name is part of the text ("foo:bar" is "foo" and "bar").
		const text =
			(field === undefined && name !== undefined ? `${name} ` : '') + (quoted ?? bare ?? '');
		const tokens = tokenize(text);
		if (tokens.length === 0) continue;
		const closedQuote = quoted !== undefined && /"[^"]*"$/.test(whole);
		clauses.push({
			tokens,
			phrase:
				tokens.length > 1 && !(field === undefined && name !== undefined && quoted === undefined),
			...(field ? { field } : {}),
			negate: minus === '-',
			open: !endsInSpace && !closedQuote && m.index + whole.length === query.length
		});
	}
	return clauses;
}

/** Whether a query asks for anything. */
export function isBlankQuery(query: string): boolean {
	return parseQuery(query).length === 0;
}
