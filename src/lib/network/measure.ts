/**
 * Text widths for label placement, measured on a canvas with the label's own font and kept per
 * text (names repeat on every frame of a moving layout). Browser only.
 */
export function textMeasurer(font: () => string): (text: string) => number {
	const widths = new Map<string, number>();
	let context: CanvasRenderingContext2D | null | undefined;
	return (text) => {
		const known = widths.get(text);
		if (known !== undefined) return known;
		context ??= document.createElement('canvas').getContext('2d');
		let width = text.length * 7.5;
		if (context) {
			context.font = font();
			width = context.measureText(text).width;
		}
		widths.set(text, width);
		return width;
	};
}
