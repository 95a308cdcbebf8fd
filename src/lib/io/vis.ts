/**
 * vis-timeline item arrays → native records: `[{ id, content, start, end, group, type, title }]`,
 * or `{ items, groups }`. `content` and `title` may hold HTML and become plain text; groups
 * become actors or tags, as the user chooses; the fields the model has no place for (type,
 * className, style, subgroup, editable…) are kept in `extra`. vis-timeline items carry no
 * confidence, so every event is `unassessed`.
 */
import { parseLooseDate } from '../model/dates';
import { msg } from '../model/messages';
import type { TramaEventInput } from '../model/schema';
import type { Problem } from '../model/validate';
import { htmlToText } from './html';
import {
	isObject,
	madeId,
	setOwn,
	stableHash,
	validateEvents,
	toImportResult,
	type ImportResult,
	extraField
} from './result';

export interface VisOptions {
	group: 'tag' | 'actor';
	datasetId: string;
	datasetName: string;
	onProgress?: (done: number, total: number) => void;
}

function itemsOf(
	json: unknown
): { items: unknown[]; groups: unknown[]; prefix: string } | undefined {
	if (Array.isArray(json)) return { items: json, groups: [], prefix: '' };
	if (isObject(json) && Array.isArray(json.items)) {
		return {
			items: json.items,
			groups: Array.isArray(json.groups) ? json.groups : [],
			prefix: 'items'
		};
	}
	return undefined;
}

/** True when the JSON looks like vis-timeline items: objects with `start` and `content`. */
export function isVisTimeline(json: unknown): boolean {
	const found = itemsOf(json);
	const first = found?.items[0];
	return isObject(first) && 'start' in first && 'content' in first;
}

const KNOWN = new Set(['id', 'content', 'start', 'end', 'group', 'title']);
export function fromVisTimeline(json: unknown, options: VisOptions): ImportResult {
	const found = itemsOf(json) ?? { items: [], groups: [], prefix: '' };
	const groupNames = new Map<string, string>();
	for (const g of found.groups) {
		if (!isObject(g) || (typeof g.id !== 'string' && typeof g.id !== 'number')) continue;
		const content = typeof g.content === 'string' ? htmlToText(g.content).text : '';
		groupNames.set(String(g.id), content || String(g.id));
	}
	const actors = new Map<
		string,
		{ id: string; name: string; kind: 'organisation'; aliases: string[] }
	>();
	const at = (i: number) => (found.prefix ? `${found.prefix}[${i}]` : `[${i}]`);
	const candidates = found.items.map((raw, index) => {
		const problems: Problem[] = [];
		if (!isObject(raw)) {
			problems.push({ path: at(index), message: msg('import.itemNotObject') });
			return { index, input: undefined, problems };
		}
		const start = parseLooseDate(raw.start);
		if (!start.ok) problems.push({ path: `${at(index)}.start`, message: start.error });
		const end = raw.end === undefined || raw.end === null ? undefined : parseLooseDate(raw.end);
		if (end && !end.ok) problems.push({ path: `${at(index)}.end`, message: end.error });
		if (!start.ok || (end && !end.ok)) return { index, input: undefined, problems };
		const content =
			typeof raw.content === 'string' ? htmlToText(raw.content) : { text: '', links: [] };
		const tooltip = typeof raw.title === 'string' ? htmlToText(raw.title) : { text: '', links: [] };
		const title = content.text || tooltip.text.split('\n')[0] || `Untitled item of ${start.value}`;
		const participants: TramaEventInput['participants'] = [];
		const tags: string[] = [];
		if (typeof raw.group === 'string' || typeof raw.group === 'number') {
			const name = groupNames.get(String(raw.group)) ?? String(raw.group);
			if (options.group === 'actor') {
				const id = madeId('group', name);
				actors.set(id, { id, name: name.slice(0, 300), kind: 'organisation', aliases: [] });
				participants.push({ actor: id });
			} else tags.push(name.slice(0, 100));
		}
		const extra: Record<string, unknown> = {};
		for (const [key, value] of Object.entries(raw)) if (!KNOWN.has(key)) setOwn(extra, key, value);
		if (typeof raw.content === 'string' && raw.content !== content.text)
			extra.content_html = raw.content;
		const id =
			typeof raw.id === 'string' || typeof raw.id === 'number'
				? String(raw.id)
				: `vis-${stableHash(`${title}\u0000${start.value}`)}`;
		const input: TramaEventInput = {
			id,
			title: title.slice(0, 500),
			...(tooltip.text && tooltip.text !== title ? { summary: tooltip.text.slice(0, 5000) } : {}),
			start: start.value,
			...(end?.ok && end.value !== start.value ? { end: end.value } : {}),
			participants,
			tags,
			sources: [...content.links, ...tooltip.links].map((l) => ({
				url: l.url,
				...(l.text ? { title: l.text.slice(0, 500) } : {})
			})),
			kind: 'other',
			confidence: 'unassessed',
			...extraField(extra)
		};
		return {
			index,
			input,
			problems,
			generatedId: typeof raw.id !== 'string' && typeof raw.id !== 'number'
		};
	});
	const { events, problems } = validateEvents(candidates, at, undefined, options.onProgress);
	const converted = { actors: [...actors.values()], events };
	return toImportResult('vis-timeline', converted, problems, found.items.length, options);
}
