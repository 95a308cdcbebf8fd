/** Colours of the actor network: by country, the most common countries get a colour each. */
import { schemeTableau10 } from 'd3';

/** The nine most common countries (by actors) mapped to distinct colours; the rest share grey. */
export function countryPalette(
	countries: readonly (string | undefined)[]
): ReadonlyMap<string, string> {
	const counts = new Map<string, number>();
	for (const c of countries) if (c) counts.set(c, (counts.get(c) ?? 0) + 1);
	const ranked = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
	return new Map(ranked.slice(0, 9).map(([c], i) => [c, schemeTableau10[i] ?? '#999']));
}
