/** Checks of plain JSON values from other people's files (pure, no zod). */

/** The deepest a value kept in `extra` may be nested: a file's own data, not ours. */
export const MAX_EXTRA_DEPTH = 100;

/**
 * Why a value is not plain JSON nested at most `max` levels deep: 'deep', 'notJson', or
 * undefined when it is. Walked without recursion: a value nested 100,000 levels deep must not
 * overflow the stack (it once refused a whole file for one record).
 */
export function jsonValueProblem(value: unknown, max: number): 'deep' | 'notJson' | undefined {
	const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
	while (stack.length) {
		const { value: v, depth } = stack.pop()!;
		if (v === null || typeof v === 'string' || typeof v === 'boolean') continue;
		if (typeof v === 'number') {
			if (!Number.isFinite(v)) return 'notJson';
			continue;
		}
		if (typeof v !== 'object') return 'notJson';
		if (depth >= max) return 'deep';
		const proto = Object.getPrototypeOf(v) as unknown;
		if (Array.isArray(v)) for (const x of v) stack.push({ value: x, depth: depth + 1 });
		else if (proto === Object.prototype || proto === null)
			for (const x of Object.values(v)) stack.push({ value: x, depth: depth + 1 });
		else return 'notJson';
	}
	return undefined;
}
