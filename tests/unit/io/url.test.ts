import { describe, expect, it } from 'vitest';
import { readInput } from '$lib/io/read';
import { checkUrl, nameOfUrl, openUrl, webPage } from '$lib/io/url';
import { inEnglish, rejection } from '../helpers';

describe('web addresses', () => {
	it('checks addresses before downloading', () => {
		expect(inEnglish(checkUrl(''))).toEqual({
			ok: false,
			error: 'type the address of a JSON file'
		});
		expect(inEnglish(checkUrl('ftp://example.org/a.json'))).toEqual({
			ok: false,
			error:
				'“ftp://example.org/a.json” is not a web address: it must start with http:// or https://'
		});
		expect(inEnglish(checkUrl('not a url'))).toEqual({
			ok: false,
			error: '“not a url” is not a web address'
		});
		expect(checkUrl('/examples/a.json', 'http://localhost:4173/?from=x')).toEqual({
			ok: true,
			url: 'http://localhost:4173/examples/a.json'
		});
	});

	it('asks for the file without cookies and without naming the page that sent it', async () => {
		const asked: RequestInit[] = [];
		const fetcher = ((_url: string, init: RequestInit) => {
			asked.push(init);
			return Promise.resolve(new Response('[]'));
		}) as typeof fetch;
		await openUrl('https://data.example.org/events.json', fetcher);
		expect(asked).toEqual([
			expect.objectContaining({ credentials: 'omit', referrerPolicy: 'no-referrer' })
		]);
	});

	it('says why a download failed: network or CORS, an HTTP status, a web page instead of JSON', async () => {
		const url = 'https://data.example.org/events.json';
		const fetchText = async (_url: string, _progress: undefined, fetcher: typeof fetch) => {
			const { body } = await openUrl(url, fetcher);
			return readInput(body, { markup: webPage(url) });
		};
		const failing = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;
		expect(await rejection(fetchText(url, undefined, failing))).toBe(
			'could not download from data.example.org: the server is unreachable, or it does not let other sites read its files (CORS)'
		);
		const status = (() =>
			Promise.resolve(
				new Response('nope', { status: 404, statusText: 'Not Found' })
			)) as typeof fetch;
		expect(await rejection(fetchText(url, undefined, status))).toBe(
			`the server answered 404 Not Found for ${url}`
		);
		const html = (() =>
			Promise.resolve(
				new Response('<!doctype html><p>hi</p>', { headers: { 'content-type': 'text/html' } })
			)) as typeof fetch;
		expect(await rejection(fetchText(url, undefined, html))).toBe(
			`${url} is a web page, not a JSON file`
		);
		// A page the server calls something else is still a page.
		const untyped = (() => Promise.resolve(new Response('\n <html></html>'))) as typeof fetch;
		expect(await rejection(fetchText(url, undefined, untyped))).toBe(
			`${url} is a web page, not a JSON file`
		);
		const json = (() => Promise.resolve(new Response('[1]'))) as typeof fetch;
		expect(await fetchText(url, undefined, json)).toEqual({ kind: 'json', value: [1] });
	});

	it('names a dataset after the file an address points to, else its host', () => {
		expect(nameOfUrl('https://example.org/data/events.json')).toBe('events');
		expect(nameOfUrl('https://example.org/data/Kim%20Putin.JSON')).toBe('Kim Putin');
		expect(nameOfUrl('https://example.org/')).toBe('example.org');
	});
});
