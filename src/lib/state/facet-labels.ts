/**
 * Facet values in words: a dataset's name for its id, an actor's name, a country's name, the
 * vocabularies' labels. The facets, the table's scope and the result list say them alike.
 */
import { countryName, t } from '../i18n';
import type { FacetName, FacetSelection } from '../search/facets';
import { FACETS } from '../search/facets';
import type { ActorKind, Confidence, EventKind } from '../model/schema';
import type { Precision } from '../model/dates';

export interface FacetNames {
	dataset: (id: string) => string;
	actor: (id: string) => string;
}

export function facetValueLabel(facet: FacetName, value: string, names: FacetNames): string {
	switch (facet) {
		case 'dataset':
			return names.dataset(value);
		case 'actor':
			return names.actor(value);
		case 'actorKind':
			return t.actorKind[value as ActorKind] ?? value;
		case 'confidence':
			return t.confidence[value as Confidence] ?? value;
		case 'kind':
			return t.eventKind[value as EventKind] ?? value;
		case 'country':
			return countryName(value);
		case 'precision':
			return t.filter.precision[value as Precision] ?? value;
		case 'coords':
			return value === 'yes' ? t.filter.coords.yes : t.filter.coords.no;
		default:
			return value;
	}
}

/** What a filter asks, in words ("“kim” · Confidence: Denied"); undefined when it asks nothing. */
export function describeFilter(
	text: string,
	facets: FacetSelection,
	names: FacetNames
): string | undefined {
	const parts: string[] = [];
	if (text.trim() !== '') parts.push(t.filter.describeWords(text.trim()));
	for (const f of FACETS) {
		const values = facets[f];
		if (values?.length)
			parts.push(
				t.filter.describeFacet(
					t.filter.facet[f],
					values.map((v) => facetValueLabel(f, v, names))
				)
			);
	}
	return parts.length ? parts.join(' · ') : undefined;
}
