/**
 * Imported text that holds HTML (TimelineJS headlines, captions, credits; vis-timeline content)
 * is reduced to plain text here, and the links in it are collected so they can become sources.
 * htmlparser2 works the same in the page, in a worker and in Node (DOMParser exists only in
 * the page), and it never builds a DOM that could run anything.
 */
import { Parser } from 'htmlparser2';

export interface PlainText {
	text: string;
	/** http(s) links found in the HTML, in order, without duplicates. */
	links: { url: string; text: string }[];
}

const BLOCK = new Set([
	'p',
	'div',
	'br',
	'li',
	'ul',
	'ol',
	'h1',
	'h2',
	'h3',
	'h4',
	'h5',
	'h6',
	'tr',
	'blockquote'
]);

/** Plain text of an HTML fragment (entities decoded, blocks on their own lines) and its links. */
export function htmlToText(html: string): PlainText {
	if (!/[<&]/.test(html)) return { text: html.trim(), links: [] };
	let text = '';
	const links: PlainText['links'] = [];
	const seen = new Set<string>();
	let href: string | undefined;
	let linkText = '';
	let skip = 0;
	const parser = new Parser(
		{
			onopentag(name, attrs) {
				if (name === 'script' || name === 'style') skip++;
				if (BLOCK.has(name)) text += '\n';
				if (name === 'a') {
					href = attrs.href;
					linkText = '';
				}
			},
			ontext(data) {
				if (skip) return;
				text += data;
				if (href !== undefined) linkText += data;
			},
			onclosetag(name) {
				if (name === 'script' || name === 'style') skip = Math.max(0, skip - 1);
				if (BLOCK.has(name)) text += '\n';
				if (name === 'a' && href !== undefined) {
					const url = href.trim();
					if (/^https?:\/\//i.test(url) && !seen.has(url)) {
						seen.add(url);
						links.push({ url, text: linkText.replace(/\s+/g, ' ').trim() });
					}
					href = undefined;
				}
			}
		},
		{ decodeEntities: true }
	);
	parser.write(html);
	parser.end();
	const clean = text
		.split('\n')
		.map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
		.filter((line) => line !== '')
		.join('\n')
		.trim();
	return { text: clean, links };
}
