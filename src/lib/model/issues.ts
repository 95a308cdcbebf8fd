/**
 * zod issues as messages. A zod issue holds its reason as a string, so the schema's own messages
 * travel through zod encoded (`asIssue`), and zod's built-in checks are given messages by an error
 * map at parse time (`zodErrorMap`); `messageOfIssue` reads either back. Pure.
 */
import { z } from './zod';
import { isMessageCode, msg, type Message, type MessageArgs, type MessageCode } from './messages';

/** Marks an issue text that is an encoded message. */
const MARK = 'message:';

/**
 * A message in the form zod carries it: the `error` of a check or schema, or the `message` of
 * an issue a refinement adds. Only `messageOfIssue` reads it.
 */
export function asIssue(message: Message): string {
	return MARK + JSON.stringify(message);
}

/** A message built and encoded for zod at once: `error: issueMsg('schema.empty', { field })`. */
export function issueMsg<C extends MessageCode>(code: C, ...params: MessageArgs<C>): string {
	return asIssue(msg(code, ...params));
}

/** The message of a finished issue (one that went through `zodErrorMap` or `asIssue`). */
export function messageOfIssue(issue: z.core.$ZodIssue): Message {
	if (issue.message.startsWith(MARK)) {
		const decoded = JSON.parse(issue.message.slice(MARK.length)) as { code?: unknown };
		if (isMessageCode(decoded.code)) return decoded as Message;
	}
	// Parsed without the error map: zod's own words cannot be translated, only its verdict.
	return msg('zod.invalid');
}

const text = (v: unknown) => String(v);
const primitives = (values: readonly unknown[]) => values.map((v) => z.util.stringifyPrimitive(v));

/** zod's built-in issues as messages, with what zod's English messages say as parameters. */
function messageOfZodIssue(issue: z.core.$ZodRawIssue): Message {
	switch (issue.code) {
		case 'invalid_type': {
			const input = issue.input;
			const received =
				typeof input === 'number' && !Number.isFinite(input) && !Number.isNaN(input)
					? String(input)
					: z.util.parsedType(input);
			return msg('zod.invalidType', { expected: text(issue.expected), received });
		}
		case 'invalid_value':
			return msg('zod.invalidValue', { values: primitives(issue.values) });
		case 'too_big':
		case 'too_small':
			return msg(issue.code === 'too_big' ? 'zod.tooBig' : 'zod.tooSmall', {
				origin: text(issue.origin),
				limit: (issue.code === 'too_big' ? issue.maximum : issue.minimum).toString(),
				inclusive: issue.inclusive === true,
				exact: issue.exact === true
			});
		case 'invalid_format': {
			const detail =
				issue.format === 'starts_with'
					? issue.prefix
					: issue.format === 'ends_with'
						? issue.suffix
						: issue.format === 'includes'
							? issue.includes
							: issue.format === 'regex'
								? issue.pattern
								: '';
			return msg('zod.invalidFormat', { format: issue.format, detail: text(detail ?? '') });
		}
		case 'not_multiple_of':
			return msg('zod.notMultipleOf', { divisor: text(issue.divisor) });
		case 'unrecognized_keys':
			return msg('zod.unrecognizedKeys', { keys: primitives(issue.keys) });
		case 'invalid_key':
			return msg('zod.invalidKey', { origin: issue.origin });
		case 'invalid_union':
			return msg('zod.invalidUnion', {
				options: Array.isArray(issue.options) ? issue.options.map(text) : [],
				ambiguous: issue.inclusive === false
			});
		case 'invalid_element':
			return msg('zod.invalidElement', { origin: issue.origin });
		default:
			return msg('zod.invalid');
	}
}

/** The error map to parse the model's schemas with (see `validate` in `validate.ts`). */
export const zodErrorMap: z.core.$ZodErrorMap = (issue) => asIssue(messageOfZodIssue(issue));

/**
 * Problems that say the same thing of several records, gathered: one message, the records it
 * concerns and where in each. An import preview shows "7 records: 13 is not a month" and lists
 * the paths on demand, instead of the same sentence seven times.
 */
export interface ProblemGroup {
	message: Message;
	/** How many problems say it. */
	count: number;
	/** How many different records they are about (`events[3].start` and `.end` are one). */
	records: number;
	/** Where, in the input's order; at most `maxPaths` of them. */
	paths: string[];
}

/** JSON with object keys sorted: two equal messages give the same text. */
function keyOf(message: Message): string {
	return JSON.stringify(message, (_k, v: unknown) =>
		v && typeof v === 'object' && !Array.isArray(v)
			? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
			: v
	);
}

/**
 * The record a path is about: `events[12].start_date.month` → `events[12]`, and for JSON Lines
 * `line 12.title` → `line 12`.
 */
function recordOf(path: string): string {
	const line = /^line \d+/.exec(path);
	if (line) return line[0];
	const end = path.indexOf(']');
	return end === -1 ? path : path.slice(0, end + 1);
}

/**
 * Gathers identical problems (same message, parameters included), in the order each message
 * first appears. Each group keeps up to `maxPaths` paths; the counts are of all of them.
 */
export function groupProblems(
	problems: readonly { path: string; message: Message }[],
	maxPaths = 100
): ProblemGroup[] {
	const groups = new Map<string, ProblemGroup & { seen: Set<string> }>();
	for (const { path, message } of problems) {
		const key = keyOf(message);
		let group = groups.get(key);
		if (!group)
			groups.set(key, (group = { message, count: 0, records: 0, paths: [], seen: new Set() }));
		group.count++;
		const record = recordOf(path);
		if (!group.seen.has(record)) {
			group.seen.add(record);
			group.records++;
		}
		if (group.paths.length < maxPaths) group.paths.push(path);
	}
	return [...groups.values()].map(({ seen: _s, ...group }) => group);
}
