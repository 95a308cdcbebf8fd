/**
 * A source as the event form holds it while the user types: every field as text. It becomes a
 * `Source` (empty fields left out) when the form is saved.
 */
import type { DateEntry } from '$lib/model/date-entry';
import { parseDateEntry } from '$lib/model/date-entry';
import type { Source } from '$lib/model/schema';

export interface SourceDraft {
	url: string;
	title: string;
	publisher: string;
	/** The publication date as typed ("13 Sept 2023"). */
	published: string;
	quote: string;
	/** The source's language, a BCP 47 tag ("es", "zh-Hans"). */
	language: string;
}

export function draftOf(source: Source): SourceDraft {
	return {
		url: source.url ?? '',
		title: source.title ?? '',
		publisher: source.publisher ?? '',
		published: source.published ?? '',
		quote: source.quote ?? '',
		language: source.language ?? ''
	};
}

export const emptySource = (): SourceDraft => ({
	url: '',
	title: '',
	publisher: '',
	published: '',
	quote: '',
	language: ''
});

/** The publication date as read, when one was typed. */
export function publishedEntry(draft: SourceDraft): DateEntry | undefined {
	return draft.published.trim() ? parseDateEntry(draft.published) : undefined;
}

/**
 * The source a draft stands for (the model checks it further), or undefined for a draft left
 * empty. A publication date that cannot be read is left out here; the form refuses to save it.
 */
export function sourceOf(draft: SourceDraft): Source | undefined {
	const text = (s: string) => s.trim() || undefined;
	const published = publishedEntry(draft);
	const source: Source = {
		...(text(draft.url) ? { url: draft.url.trim() } : {}),
		...(text(draft.title) ? { title: draft.title.trim() } : {}),
		...(text(draft.publisher) ? { publisher: draft.publisher.trim() } : {}),
		...(published?.ok ? { published: published.value } : {}),
		...(text(draft.quote) ? { quote: draft.quote.trim() } : {}),
		...(text(draft.language) ? { language: draft.language.trim() } : {})
	};
	const filled = Object.keys(source).filter((k) => k !== 'language');
	return filled.length === 0 && !draft.published.trim() ? undefined : source;
}
