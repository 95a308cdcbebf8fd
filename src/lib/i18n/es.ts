/**
 * Every string the Spanish (es-ES) interface shows, and the Spanish of every message code the
 * model, the importers and the store give (`messages`): the same shape as `en.ts` (`Messages`),
 * key by key. Numbers and dates are formatted through Intl with `locale`; plurals follow
 * `Intl.PluralRules('es')`, and words that agree with a field or a count are chosen here.
 */
import { formatLocalInstant, formatYear } from '../model/dates';
import type { DateNumbers, DetectedFormat, Mappable, Stage } from '../model/import';
import type { Field, JsonSyntaxError, Message } from '../model/messages';
import type { MediaKind } from '../model/media';
import type { ActorKind, Confidence, EventKind, RelationType } from '../model/schema';
import type { ChangeKind, EventField } from '../model/changes';
import type { Messages } from './en';
import { renderMessage, type MessageLanguage, type MessageTexts } from './render';

const plural = new Intl.PluralRules('es');
const number = new Intl.NumberFormat('es-ES');
/** The form that agrees with `n`: `agree(1, 'se omite', 'se omiten')`. */
const agree = (n: number, one: string, other: string) => (plural.select(n) === 'one' ? one : other);
const count = (n: number, one: string, other: string) =>
	`${number.format(n)} ${agree(n, one, other)}`;

/** How messages name a field, and the gender and number of the words that agree with it. */
interface FieldName {
	name: string;
	feminine: boolean;
	plural: boolean;
}
const masculine = (name: string): FieldName => ({ name, feminine: false, plural: false });
const feminine = (name: string): FieldName => ({ name, feminine: true, plural: false });
const femininePlural = (name: string): FieldName => ({ name, feminine: true, plural: true });

/** How messages name fields: "el título está vacío", "las notas están vacías". */
const fields = {
	eventId: masculine('el identificador del evento'),
	actorId: masculine('el identificador del actor'),
	datasetId: masculine('el identificador del conjunto de datos'),
	periodId: masculine('el identificador del periodo'),
	title: masculine('el título'),
	summary: masculine('el resumen'),
	notes: femininePlural('las notas'),
	placeName: masculine('el nombre del lugar'),
	role: masculine('el papel'),
	relationLabel: masculine('el rótulo de la relación'),
	sourceTitle: masculine('el título de la fuente'),
	publisher: masculine('el medio'),
	quote: feminine('la cita'),
	tag: feminine('una etiqueta'),
	name: masculine('el nombre'),
	alias: masculine('un alias'),
	description: feminine('la descripción'),
	label: masculine('el rótulo'),
	datasetName: masculine('el nombre del conjunto de datos'),
	datasetDescription: feminine('la descripción del conjunto de datos'),
	fileName: masculine('el nombre del archivo'),
	mediaCaption: masculine('el pie del contenido multimedia'),
	mediaCredit: masculine('el crédito del contenido multimedia'),
	mediaAlt: masculine('el texto alternativo del contenido multimedia')
} satisfies Record<Field, FieldName>;

/** A verb or an adjective in the form that agrees with a field. */
const forField = (
	field: FieldName,
	forms: { m: string; f: string; mp: string; fp: string }
): string =>
	field.plural ? (field.feminine ? forms.fp : forms.mp) : field.feminine ? forms.f : forms.m;
const fieldVerb = (field: FieldName, singular: string, pluralForm: string) =>
	field.plural ? pluralForm : singular;

const jsonSyntax = {
	InvalidSymbol: 'carácter inesperado',
	InvalidNumberFormat: 'número mal formado',
	PropertyNameExpected: 'se esperaba un nombre de propiedad entre comillas dobles',
	ValueExpected: 'se esperaba un valor',
	ColonExpected: 'se esperaban dos puntos',
	CommaExpected: 'se esperaba una coma',
	CloseBraceExpected: 'se esperaba una llave de cierre }',
	CloseBracketExpected: 'se esperaba un corchete de cierre ]',
	EndOfFileExpected: 'hay texto inesperado después del final',
	InvalidCommentToken: 'JSON no admite comentarios',
	UnexpectedEndOfComment: 'comentario sin terminar',
	UnexpectedEndOfString: 'cadena sin terminar',
	UnexpectedEndOfNumber: 'número sin terminar',
	InvalidUnicode: 'secuencia de escape Unicode no válida',
	InvalidEscapeCharacter: 'carácter de escape no válido',
	InvalidCharacter: 'carácter no válido en una cadena'
} satisfies Record<JsonSyntaxError, string>;

/** What the first bytes of a file that is not text say it is (`io/read.ts`). */
const binaryKinds: Record<string, string> = {
	png: 'una imagen PNG',
	jpeg: 'una imagen JPEG',
	gif: 'una imagen GIF',
	pdf: 'un documento PDF',
	zip: 'un archivo comprimido ZIP (o un archivo de Excel o de Word)',
	gzip: 'un archivo comprimido con gzip'
};

const monthName = new Intl.DateTimeFormat('es-ES', { month: 'long', timeZone: 'UTC' });
const megabytes = new Intl.NumberFormat('es-ES', { maximumFractionDigits: 1 });
const percentage = new Intl.NumberFormat('es-ES', { style: 'percent', maximumFractionDigits: 0 });
const list = new Intl.ListFormat('es', { type: 'conjunction' });
const alternatives = new Intl.ListFormat('es', { type: 'disjunction' });

/** A size for people: "812 kB", "12,4 MB", "9,8 GB". */
const bytes = (n: number): string =>
	n >= 1e9
		? `${megabytes.format(n / 1e9)} GB`
		: n >= 1e6
			? `${megabytes.format(n / 1e6)} MB`
			: `${megabytes.format(Math.max(0, n) / 1e3)} kB`;

/** Dates in hints and messages, written as Intl writes them on screen: "13 sept 2023". */
const example = {
	day: new Intl.DateTimeFormat('es-ES', {
		day: 'numeric',
		month: 'short',
		year: 'numeric',
		timeZone: 'UTC'
	}).format(Date.UTC(2023, 8, 13)),
	month: new Intl.DateTimeFormat('es-ES', {
		month: 'short',
		year: 'numeric',
		timeZone: 'UTC'
	}).format(Date.UTC(2023, 8, 1)),
	bce: formatYear(-299, 'es-ES')
};

/**
 * A partial date after a preposition: "el 13 sept 2023" for a day or a time, "en sept 2023" or
 * "en 2023" for a month or a year (a formatted day starts with its number and a month's name).
 */
const onDate = (date: string) => (/^\d{1,2}\s\p{L}{2}/u.test(date) ? `el ${date}` : `en ${date}`);

// zod's own checks, in Spanish (the English follows zod's English; these follow its sense).
const zodType = (type: string) => (type === 'nan' ? 'NaN' : type);
const zodUnits: Record<string, string> = {
	string: 'caracteres',
	file: 'bytes',
	array: 'elementos',
	set: 'elementos',
	map: 'entradas'
};
/** A malformed value of each format, as a whole sentence (the adjective agrees with the noun). */
const zodFormats: Record<string, string> = {
	regex: 'Entrada no válida',
	email: 'Dirección de correo electrónico no válida',
	url: 'URL no válida',
	emoji: 'Emoji no válido',
	uuid: 'UUID no válido',
	uuidv4: 'UUIDv4 no válido',
	uuidv6: 'UUIDv6 no válido',
	nanoid: 'nanoid no válido',
	guid: 'GUID no válido',
	cuid: 'cuid no válido',
	cuid2: 'cuid2 no válido',
	ulid: 'ULID no válido',
	xid: 'XID no válido',
	ksuid: 'KSUID no válido',
	datetime: 'Fecha y hora ISO no válidas',
	date: 'Fecha ISO no válida',
	time: 'Hora ISO no válida',
	duration: 'Duración ISO no válida',
	ipv4: 'Dirección IPv4 no válida',
	ipv6: 'Dirección IPv6 no válida',
	mac: 'Dirección MAC no válida',
	cidrv4: 'Rango IPv4 no válido',
	cidrv6: 'Rango IPv6 no válido',
	base64: 'Cadena codificada en base64 no válida',
	base64url: 'Cadena codificada en base64url no válida',
	json_string: 'Cadena JSON no válida',
	e164: 'Número E.164 no válido',
	currency_code: 'Código de moneda no válido',
	credit_card: 'Número de tarjeta de crédito no válido',
	iban: 'IBAN no válido',
	jwt: 'JWT no válido',
	template_literal: 'Entrada no válida'
};
const zodSize = (
	word: string,
	p: { origin: string; limit: string; exact: boolean; inclusive: boolean },
	[inclusive, exclusive]: [string, string]
) => {
	const bound = `${p.exact ? 'exactamente ' : p.inclusive ? inclusive : exclusive}${p.limit}`;
	const unit = zodUnits[p.origin];
	return unit
		? `${word}: se esperaba que ${p.origin} tuviera ${bound} ${unit}`
		: `${word}: se esperaba que ${p.origin} fuera ${bound}`;
};
const zodFormat = (format: string, detail: string) => {
	switch (format) {
		case 'starts_with':
			return `Cadena no válida: debe empezar por "${detail}"`;
		case 'ends_with':
			return `Cadena no válida: debe terminar en "${detail}"`;
		case 'includes':
			return `Cadena no válida: debe incluir "${detail}"`;
		case 'regex':
			return `Cadena no válida: debe coincidir con el patrón ${detail}`;
		default:
			return zodFormats[format] ?? `Formato no válido: ${format}`;
	}
};

/** The Spanish of every message code (see `model/messages.ts` for the codes and parameters). */
const messages = {
	'date.notAYear': ({ value }) => `${value} no es un año`,
	'date.yearOutOfRange': ({ min, max }) =>
		`año no comprendido entre ${formatYear(min, 'es-ES')} y ${formatYear(max, 'es-ES')}`,
	'date.dayNeedsMonth': () => 'el día o la hora necesitan el mes',
	'date.notAMonth': ({ value }) => `${value} no es un mes`,
	'date.timeNeedsDay': () => 'la hora necesita el día',
	'date.notADay': ({ value, year, month, days }) =>
		`${value} no es un día de ${monthName.format(Date.UTC(2000, month - 1, 1))} de ${formatYear(year, 'es-ES')} (tiene ${days} días)`,
	'date.minutesNeedHour': () => 'los minutos necesitan la hora',
	'date.notAnHour': ({ value }) => `${value} no es una hora`,
	'date.notAMinute': ({ value }) => `${value} no es un minuto`,
	'date.notASecond': ({ value }) => `${value} no es un segundo`,
	'date.empty': () => 'la fecha está vacía',
	'date.shape': ({ text }) =>
		`"${text}" no es una fecha: las formas admitidas son AAAA, AAAA-MM, AAAA-MM-DD y AAAA-MM-DDTHH:MM, con Z para UTC (-0299 para el ${example.bce})`,
	'date.at': ({ text, reason }) => `"${text}": ${reason}`,
	'date.notFinite': ({ value }) => `${value} no es una fecha`,
	'date.wrongType': () => 'una fecha debe ser texto o un número',
	'date.entryUnknown': ({ text }) =>
		`"${text}" no es una fecha que Trama sepa leer: escríbala como ${example.day}, ${example.month}, 2023, c. 1990 o ${example.bce}`,
	'date.entryNoYear': ({ text }) =>
		`"${text}" no tiene año: escriba también el año, como en ${example.day}`,
	'date.entryShortYear': ({ text }) =>
		`"${text}": escriba el año completo (2023; 0023 para el año 23)`,
	'date.entryAmbiguous': ({ text, first, second, year }) => {
		const month = (m: number) => monthName.format(Date.UTC(2000, m - 1, 1));
		const y = formatYear(year, 'es-ES');
		return `"${text}" puede ser el ${first} de ${month(second)} o el ${second} de ${month(first)} de ${y}: escriba el mes con letras, como en ${first} ${month(second).slice(0, 3)} ${y}`;
	},

	'schema.notText': ({ field }) =>
		`${fields[field].name} ${fieldVerb(fields[field], 'debe', 'deben')} ser texto`,
	'schema.empty': ({ field }) =>
		`${fields[field].name} ${fieldVerb(fields[field], 'está', 'están')} ${forField(fields[field], { m: 'vacío', f: 'vacía', mp: 'vacíos', fp: 'vacías' })}`,
	'schema.tooDeep': ({ max }) =>
		`anidado en más de ${count(max, 'nivel', 'niveles')}: se descarta este registro (se conservan los demás)`,
	'schema.notJson': () => 'no es un valor que pueda contener un archivo JSON',
	'schema.reservedKey': ({ key }) =>
		`el nombre de campo "${key}" está reservado en JavaScript y Trama no puede conservarlo: cambie el nombre del campo en el archivo para importar este registro`,
	'schema.tooLong': ({ field, max }) =>
		`${fields[field].name} ${fieldVerb(fields[field], 'tiene', 'tienen')} más de ${count(max, 'carácter', 'caracteres')}`,
	'schema.edgeSpace': ({ field }) =>
		`${fields[field].name} ${fieldVerb(fields[field], 'empieza o termina', 'empiezan o terminan')} con un espacio`,
	'schema.dateNotText': () => 'una fecha debe ser texto, como "2023-09-13"',
	'schema.notADate': () => 'no es una fecha',
	'schema.countryShape': () => 'debe ser un código de país ISO 3166-1 de dos letras, como "RU"',
	'schema.unknownCountry': ({ code }) => `"${code}" no es un código de país`,
	'schema.sourceUrl': () => 'la URL de una fuente debe ser una dirección http(s) completa',
	'schema.latLon': () => 'deben indicarse lat y lon, o ninguna de las dos',
	'schema.relationSelf': () => 'una relación une a dos actores distintos',
	'schema.languageTag': () => 'debe ser una etiqueta de idioma, como "en" o "zh-Hans"',
	'schema.sourceNeedsUrlOrTitle': () => 'una fuente necesita una URL o un título',
	'schema.endBeforeStart': ({ start, end }) => `termina (${end}) antes de empezar (${start})`,
	'schema.earliestAfterEvent': ({ earliest, event }) =>
		`la fecha más temprana (${earliest}) es posterior al evento (${event})`,
	'schema.latestBeforeEvent': ({ latest, start }) =>
		`la fecha más tardía (${latest}) es anterior al evento (${start})`,
	'schema.latestBeforeEarliest': ({ latest, earliest }) =>
		`la fecha más tardía (${latest}) es anterior a la más temprana (${earliest})`,
	'schema.listedTwice': ({ actor }) => `"${actor}" figura dos veces`,
	'schema.notParticipant': ({ actor }) => `"${actor}" no es participante de este evento`,
	'schema.periodEndsBeforeStart': () => 'el periodo termina antes de empezar',
	'schema.idTwice': ({ id }) => `el identificador "${id}" se usa dos veces`,
	'schema.unknownActor': ({ actor }) => `ningún actor tiene el identificador "${actor}"`,

	'zod.invalidType': ({ expected, received }) =>
		`Entrada no válida: se esperaba ${zodType(expected)} y se ha recibido ${zodType(received)}`,
	'zod.invalidValue': ({ values }) =>
		values.length === 1
			? `Entrada no válida: se esperaba ${values[0]}`
			: `Opción no válida: se esperaba una de ${values.join('|')}`,
	'zod.tooBig': (p) => zodSize('Demasiado grande', p, ['<=', '<']),
	'zod.tooSmall': (p) => zodSize('Demasiado pequeño', p, ['>=', '>']),
	'zod.invalidFormat': ({ format, detail }) => zodFormat(format, detail),
	'zod.notMultipleOf': ({ divisor }) => `Número no válido: debe ser múltiplo de ${divisor}`,
	'zod.unrecognizedKeys': ({ keys }) =>
		`${agree(keys.length, 'Clave no reconocida', 'Claves no reconocidas')}: ${keys.join(', ')}`,
	'zod.invalidKey': ({ origin }) => `Clave no válida en ${origin}`,
	'zod.invalidUnion': ({ options, ambiguous }) =>
		options.length
			? `Valor discriminante no válido. Se esperaba ${options.map((o) => `'${o}'`).join(' | ')}`
			: ambiguous
				? 'Entrada no válida: coincide más de una opción'
				: 'Entrada no válida',
	'zod.invalidElement': ({ origin }) => `Valor no válido en ${origin}`,
	'zod.invalid': () => 'Entrada no válida',

	'file.notObject': () => 'un archivo de Trama es un objeto JSON con "format": "trama"',
	'file.notTrama': ({ format }) => `no es un archivo de Trama ("format" no es "${format}")`,
	'file.newerVersion': ({ version, supported }) =>
		`el archivo tiene la versión de formato ${version}; esta versión de Trama lee la versión ${supported}`,
	'file.unknownVersion': ({ version, supported }) =>
		`versión de formato desconocida (${version}); esta versión de Trama lee la versión ${supported}`,

	'json.empty': () => 'el archivo está vacío',
	'json.invalid': ({ detail }) => `no es JSON válido: ${detail}`,
	'json.syntax': ({ line, column, reason }) =>
		`no es JSON válido en la línea ${line}, columna ${column}: ${jsonSyntax[reason]}`,

	'import.binary': ({ kind }) =>
		`se trata de ${binaryKinds[kind] ?? 'un archivo binario'}, no de un archivo JSON (¿se le ha cambiado el nombre?)`,
	'import.tooLarge': ({ bytes, limit }) =>
		`el archivo ocupa ${megabytes.format(bytes / 1024 / 1024)} MB; Trama lee archivos de hasta ${number.format(limit / 1024 / 1024)} MB`,
	'import.tooLargeRead': ({ bytes, limit }) =>
		`la lectura se detuvo tras ${megabytes.format(bytes / 1024 / 1024)} MB: el archivo supera los ${number.format(limit / 1024 / 1024)} MB que lee Trama`,
	'import.notUtf8': ({ asUtf8, asLegacy }) =>
		`este archivo no es texto UTF-8. Se lee como Windows-1252 (Latin-1): «${asLegacy}»; como UTF-8 se leería «${asUtf8}»`,
	'import.notExcelDay': ({ value }) => `${value} no es un día de hoja de cálculo (empiezan en 1)`,
	'import.dateNumbersUnknown': ({ value }) =>
		`${value} es un número: elija arriba qué son los números de la columna de fecha (años, segundos o milisegundos Unix, días de hoja de cálculo)`,
	'import.chooseFields': () =>
		'se trata de una lista de registros: elija qué campo es el título y cuál la fecha',
	'import.isBackup': () =>
		'se trata de una copia de seguridad completa de Trama: recupérela con «Restaurar copia de seguridad…» (sustituye todo lo guardado)',
	'import.emptyList': () => 'el archivo contiene una lista vacía: no hay nada que importar',
	'import.unknownFormat': () =>
		'este JSON no es un archivo de Trama, TimelineJS3 ni vis-timeline, ni tampoco una lista de registros',
	'import.invalidFile': ({ problems }) => problems.join('; '),
	'import.idTwice': ({ id, first }) =>
		`el identificador "${id}" se usa dos veces (la primera, en ${first})`,
	'import.sameRecord': ({ first }) =>
		`el mismo título y la misma fecha que ${first}, y ninguno tiene un id que los distinga: solo se conserva el primero`,
	'import.notAList': () => 'se esperaba una lista de eventos, [ … ]',
	'import.dateNotObject': () => 'una fecha debe ser un objeto con, al menos, un año',
	'import.notWholeNumber': ({ value }) => `${value} no es un número entero`,
	'import.yearMissing': () => 'falta el año',
	'import.eventNotObject': () => 'un evento debe ser un objeto',
	'import.eraTwice': ({ label, start }) => `la era "${label}" (${start}) aparece dos veces`,
	'import.itemNotObject': () => 'un elemento debe ser un objeto',
	'import.recordNotObject': () => 'un registro debe ser un objeto',
	'import.lineSyntax': ({ column, reason }) =>
		`no es JSON válido en la columna ${column}: ${jsonSyntax[reason]}`,
	'import.nothingValid': () => 'no hay nada válido que importar',
	// -- import trust: confidence and TimelineJS 2 --
	'import.notAConfidence': ({ value, allowed }) =>
		`${value} no es un nivel de confianza: use ${alternatives.format(allowed)}, o no asigne ningún campo a la confianza (todos los registros quedarán sin evaluar)`,
	'import.timelineJs2': () =>
		'se trata de un archivo antiguo de TimelineJS 2 (timeline.date[] con fechas como "2012,1,26"), un formato que no se admite: conviértalo a JSON de TimelineJS3 (events[] con objetos start_date) e importe el resultado',

	'backup.isDataset': () =>
		'se trata de un conjunto de datos de Trama, no de una copia de seguridad: impórtelo con «Importar…»',
	'backup.notBackup': () => 'no es un archivo de copia de seguridad de Trama',
	'backup.newer': ({ version, supported }) =>
		`esta copia de seguridad la hizo una versión más reciente de Trama (versión de copia ${version}); esta lee la versión ${supported}`,
	'backup.damaged': ({ problems, more }) =>
		`la copia de seguridad está dañada: ${problems.join('; ')}${more > 0 ? ` (y ${count(more, 'problema más', 'problemas más')})` : ''}`,

	'download.noAddress': () => 'escriba la dirección de un archivo JSON',
	'download.notAddress': ({ text }) => `«${text}» no es una dirección web`,
	'download.notHttp': ({ text }) =>
		`«${text}» no es una dirección web: debe empezar por http:// o https://`,
	'download.unreachable': ({ host }) =>
		`no se ha podido descargar de ${host}: el servidor no responde o no permite que otros sitios lean sus archivos (CORS)`,
	'download.status': ({ status, statusText, url }) =>
		`el servidor ha respondido ${status}${statusText ? ` ${statusText}` : ''} a la petición de ${url}`,
	'download.webPage': ({ url }) => `${url} es una página web, no un archivo JSON`,

	'default.unreachable': ({ detail }) =>
		`no se ha podido obtener el conjunto de datos predeterminado (${detail})`,
	'default.status': ({ status }) =>
		`no se ha podido obtener el conjunto de datos predeterminado: HTTP ${status}`,
	'default.notJson': () => 'el conjunto de datos predeterminado no es JSON válido',
	'default.invalid': ({ problems }) =>
		`el conjunto de datos predeterminado no es válido: ${problems.join('; ')}`,

	'picture.notDrawn': () => 'no se ha podido dibujar la imagen',
	'picture.pngNotDrawn': () => 'no se ha podido dibujar la imagen como PNG',
	'picture.noCanvas': () => 'este navegador no puede dibujar un PNG',
	'picture.pngNotEncoded': () => 'no se ha podido codificar el PNG',

	'store.noDataset': ({ id }) => `no existe el conjunto de datos "${id}"`,
	'store.nameEmpty': () => 'un conjunto de datos necesita un nombre',
	'store.nameTooLong': ({ max }) =>
		`el nombre de un conjunto de datos tiene como máximo ${count(max, 'carácter', 'caracteres')}`,
	'store.noEvent': ({ dataset, id }) =>
		`el evento "${id}" ya no está en el conjunto de datos "${dataset}"`,
	'store.noActor': ({ id }) => `no existe el actor "${id}"`,
	'store.changedSince': ({ title }) =>
		`«${title}» ha cambiado desde entonces (¿en otra pestaña?): no se ha deshecho ni rehecho nada`,
	'store.editedSince': ({ title }) =>
		`«${title}» se ha modificado en otro lugar (¿en otra pestaña?) mientras usted lo editaba: no se ha guardado nada. Cancele, vuelva a abrirlo y repita el cambio.`,
	'store.invalidActor': ({ path, reason }) => (path ? `${path}: ${reason}` : String(reason)),
	'store.actorInUse': ({ name, count: n }) =>
		`${name} aparece en ${count(n, 'evento', 'eventos')}: retírelo primero de ${agree(n, 'ese evento', 'esos eventos')} o elija hacerlo al eliminarlo.`,
	'store.mergeSelf': () => 'un actor no se puede fusionar consigo mismo',
	'store.invalidEvent': ({ path, reason }) => (path ? `${path}: ${reason}` : String(reason)),
	'store.eventWithoutId': ({ dataset, index }) =>
		`el evento ${index + 1} del conjunto de datos "${dataset}" no tiene identificador: no se ha guardado nada`,
	'store.eventIdTwice': ({ dataset, id }) =>
		`dos eventos del conjunto de datos "${dataset}" tienen el identificador "${id}": no se ha guardado nada`,

	'store.newer': () =>
		'este navegador contiene datos guardados por una versión más reciente de Trama. Abra esa versión para trabajar con ellos o restaure una copia de seguridad en otro perfil del navegador. No se ha cambiado nada.',
	'store.unknownTables': ({ names }) =>
		`los datos de Trama en este navegador contienen además tablas que Trama no escribió (${list.format(names.map((n) => `«${n}»`))}), quizá de otro programa de este sitio. Actualizar los datos a esta versión de Trama las borraría, así que no se ha hecho y no se ha cambiado nada. Descargue los datos guardados tal como están para conservar una copia.`,
	'store.incompatible': () =>
		'los datos guardados con el nombre de Trama en este navegador los escribió otro programa, con una forma que Trama no puede leer ni actualizar. No se ha cambiado nada. Descargue los datos guardados tal como están para conservar una copia.',
	'store.unavailable': () =>
		'este navegador no permite que Trama guarde datos. Las ventanas privadas y algunos ajustes de privacidad desactivan el almacenamiento que Trama necesita (IndexedDB); se recupera con una ventana normal o permitiendo que este sitio guarde datos.',
	'store.full': () =>
		'el almacenamiento del navegador para Trama está lleno. Elimine los conjuntos de datos que ya no necesite o libere espacio en este ordenador, e inténtelo de nuevo.',
	'store.fullOf': ({ used, quota }) =>
		`el almacenamiento del navegador para Trama está lleno (${bytes(used)} usados de ${bytes(quota)}). Elimine los conjuntos de datos que ya no necesite o libere espacio en este ordenador, e inténtelo de nuevo.`,
	'store.failed': ({ detail }) =>
		`el almacenamiento del navegador ha rechazado la operación: ${detail}`,

	'error.unexpected': ({ detail }) => detail
} satisfies MessageTexts;

const language: MessageLanguage = {
	messages,
	problem: (path, reason) => (path === '' ? reason : `${path}: ${reason}`)
};
/** A message in Spanish (for the few texts below that carry one). */
const say = (message: Message) => renderMessage(language, message);

export const es: Messages = {
	/** BCP 47 locale for Intl date and number formatting. */
	locale: 'es-ES',
	app: {
		name: 'Trama',
		tagline: 'Eventos fechados, cronologías enlazadas y redes de actores, guardados en su navegador'
	},
	languageSwitch: {
		label: 'Idioma de la interfaz'
	},
	theme: {
		toLight: 'Cambiar al tema claro',
		toDark: 'Cambiar al tema oscuro'
	},
	datasets: {
		heading: 'Conjuntos de datos',
		events: (n: number) => count(n, 'evento', 'eventos'),
		deleteLabel: (name: string) => `Eliminar el conjunto de datos «${name}»`,
		deleteTitle: '¿Eliminar este conjunto de datos?',
		deleteBody: (name: string, n: number) =>
			`Se eliminarán de este navegador «${name}» y sus eventos (${number.format(n)}). Se conservan los actores que todavía usan otros conjuntos de datos.`,
		deleteConfirm: 'Eliminar conjunto de datos',
		restore: 'Restaurar conjunto predeterminado',
		restoreTitle: '¿Restaurar el conjunto de datos predeterminado?',
		restoreBody:
			'Los eventos y actores del conjunto de datos predeterminado vuelven a su estado original y se sustituyen los cambios que se les hayan hecho (Deshacer los recupera). Los demás conjuntos de datos no cambian.',
		restoreConfirm: 'Restaurar',
		restored: (n: number) =>
			`Conjunto de datos predeterminado restaurado: ${count(n, 'evento', 'eventos')}.`,
		deleted: (name: string) => `Se ha eliminado «${name}».`,
		none: 'No hay conjuntos de datos',
		show: (name: string) => `Mostrar «${name}» en las vistas`,
		hiddenNotice: (name: string) => `Ahora se oculta «${name}».`,
		shownNotice: (name: string) => `Ahora se muestra «${name}».`,
		hiddenLabel: 'oculto',
		renameLabel: (name: string) => `Cambiar el nombre de «${name}»`,
		renameField: 'Nuevo nombre',
		renameSave: 'Guardar',
		renamed: (name: string) => `Se ha cambiado el nombre a «${name}».`
	},
	keys: {
		title: 'Atajos de teclado',
		open: 'Atajos de teclado (?)',
		groups: [
			{
				title: 'En cualquier lugar',
				keys: [
					{ keys: ['/', 'Ctrl+K'], what: 'Buscar en los eventos' },
					{ keys: ['N'], what: 'Nuevo evento' },
					{ keys: ['Ctrl+Z'], what: 'Deshacer el último cambio' },
					{ keys: ['Ctrl+Mayús+Z', 'Ctrl+Y'], what: 'Rehacerlo' },
					{ keys: ['Esc'], what: 'Quitar la selección o cerrar un diálogo' },
					{ keys: ['?'], what: 'Estos atajos' }
				]
			},
			{
				title: 'Cronología, cuando tiene el foco',
				keys: [
					{ keys: ['+', '−'], what: 'Acercar, alejar' },
					{ keys: ['0'], what: 'Mostrar todos los eventos' },
					{
						keys: ['←', '→'],
						what: 'Evento anterior, siguiente (sin selección: desplazar el intervalo)'
					},
					{ keys: ['Intro'], what: 'Seleccionar el primer evento o abrir el seleccionado' }
				]
			},
			{
				title: 'Vista general',
				keys: [
					{ keys: ['←', '→'], what: 'Desplazar un poco el intervalo' },
					{ keys: ['RePág', 'AvPág'], what: 'Desplazarlo todo su ancho' },
					{ keys: ['Mayús+←', 'Mayús+→'], what: 'Estrecharlo, ampliarlo' },
					{ keys: ['Inicio', 'Fin'], what: 'Ir a los primeros eventos, a los últimos' }
				]
			},
			{
				title: 'Red',
				keys: [
					{ keys: ['←', '↑', '→', '↓'], what: 'Ir al actor más cercano en esa dirección' },
					{ keys: ['Intro', 'Espacio'], what: 'Seleccionar el actor o el vínculo' },
					{ keys: ['Mayús+Tab'], what: 'Desde el actor seleccionado, volver por sus vínculos' }
				]
			},
			{
				title: 'Vistas y divisor',
				keys: [
					{ keys: ['←', '→'], what: 'En las pestañas: la otra vista' },
					{ keys: ['↑', '↓'], what: 'En el divisor: cronología más baja o más alta' }
				]
			}
		]
	},
	announce: {
		window: (window: string, events: number) =>
			`Cronología: ${window}, ${count(events, 'evento visible', 'eventos visibles')}.`,
		event: (title: string, date: string, confidence: string) =>
			`Evento seleccionado: ${title}, ${date}, ${confidence.toLocaleLowerCase('es')}.`,
		actor: (name: string, events: number, links: number) =>
			`Actor seleccionado: ${name}, ${count(events, 'evento', 'eventos')}, ${count(links, 'conexión', 'conexiones')}.`,
		link: (a: string, b: string, events: number) =>
			`Vínculo seleccionado: ${list.format([a, b])}, ${count(events, 'evento', 'eventos')}.`
	},
	setAside: {
		title: (n: number) =>
			`${count(n, 'evento guardado no se puede mostrar', 'eventos guardados no se pueden mostrar')}`,
		titleUncounted: 'Hay eventos guardados que no se pueden mostrar',
		why: 'Otro programa, o una versión anterior de Trama, los escribió con una forma que Trama no lee. Se conservan tal como están; descárguelos para repararlos a mano e importarlos de nuevo.',
		whyUnreadable:
			'Parte de lo guardado no se puede leer: puede estar dañado (un fallo del navegador o del disco) o haberlo escrito otro programa. Se conserva tal como está; descárguelo para repararlo a mano e importarlo de nuevo.',
		item: (dataset: string, id: string | undefined, field: string) =>
			`${dataset}: ${id === undefined ? 'un evento sin id' : `«${id}»`} (${field})`,
		block: (dataset: string, events: number | undefined) =>
			`${dataset}: ${events === undefined ? 'un bloque de eventos' : `un bloque de ${count(events, 'evento', 'eventos')}`}, ilegible`,
		more: (n: number) => `y ${number.format(n)} más`,
		download: 'Descargarlos (JSON)'
	},
	common: {
		hiddenCharacters:
			'Atención: este texto contiene caracteres invisibles que cambian su lectura (pueden hacer que un nombre parezca otro). Con esos caracteres a la vista:',
		cancel: 'Cancelar',
		close: 'Cerrar',
		retry: 'Reintentar'
	},
	status: {
		loading: 'Abriendo sus datos…',
		startFailed: 'Trama no ha podido abrir sus datos',
		downloadRaw: 'Descargar los datos guardados tal como están',
		openInMemory: 'Abrir sin guardar',
		openInMemoryHint:
			'Sin guardar, se pueden importar archivos, explorarlos y exportar lo que se encuentre; nada se conserva al cerrar esta pestaña.',
		memoryMode:
			'No se guarda nada: este navegador no permite a Trama conservar datos, así que lo importado solo existe en esta pestaña. Exporte o haga una copia de seguridad antes de cerrarla.',
		upgradedElsewhere:
			'Una versión más reciente de Trama ha abierto sus datos en otra pestaña. Recargue esta pestaña para seguir trabajando con ellos.',
		reload: 'Recargar',
		viewFailed: (detail: string) =>
			`El código de esta vista no ha llegado, así que no se puede mostrar (${detail}). Sus datos están a salvo: al recargar la página se vuelve a pedir.`,
		dialogFailed: (detail: string) =>
			`El código de este diálogo no ha llegado, así que no se puede abrir (${detail}). Sus datos están a salvo: al recargar la página se vuelve a pedir.`,
		recoveredName: (id: string) => `Eventos recuperados (${id})`,
		recovered: (n: number) =>
			`Una operación interrumpida había dejado eventos sin su conjunto de datos: Trama los ha guardado como ${count(n, 'conjunto de datos recuperado', 'conjuntos de datos recuperados')}. Revíselos y decida si los conserva o los elimina.`,
		actionFailed: (what: string) => `No ha funcionado: ${what}`
	},
	table: {
		heading: 'Eventos',
		caption: 'Eventos en orden cronológico',
		filterLabel: 'Filtrar eventos',
		filterPlaceholder: 'Filtrar por título, actor, lugar, etiqueta, fuente…',
		clearFilter: 'Quitar el filtro',
		searching: 'Buscando en los eventos…',
		waiting: 'Preparando la lista de eventos…',
		showing: (shown: number, total: number) =>
			shown === total
				? count(total, 'evento', 'eventos')
				: `${number.format(shown)} de ${count(total, 'evento', 'eventos')}`,
		columns: {
			date: 'Fecha',
			title: 'Evento',
			actors: 'Actores',
			place: 'Lugar',
			confidence: 'Confianza',
			sources: 'Fuentes'
		},
		sortAscending: 'Fecha, primero los más antiguos; ordenar con los más recientes primero',
		sortDescending: 'Fecha, primero los más recientes; ordenar con los más antiguos primero',
		noMatchTitle: 'Ningún evento coincide con el filtro',
		noMatchBody: (query: string) =>
			`Nada contiene «${query}». Pruebe con menos palabras o con otras.`,
		noMatchInScopeBody: (query: string, limits: string) =>
			`Nada contiene «${query}» con estos límites: ${limits}. «Mostrar todo» los quita.`,
		emptyTitle: 'Aún no hay eventos',
		emptyBody:
			'Ya no queda ningún conjunto de datos en este navegador. Restaure el conjunto de datos predeterminado para empezar de nuevo.',
		noSource: 'Sin fuente',
		moreSources: (n: number) => `y ${number.format(n)} más`,
		circa: 'c.',
		between: (a: string, b: string) => `entre ${a} y ${b}`
	},
	timeline: {
		label: 'Cronología',
		keyboardHelp:
			'Teclas: + y − para el zoom, flechas para desplazarse (o para pasar de un evento a otro si hay uno seleccionado), 0 para verlo todo, Enter para abrir, Escape para cerrar.',
		others: (n: number) => `Otros (${count(n, 'actor', 'actores')})`,
		noActor: 'Sin actor',
		noPlace: 'Sin lugar',
		allEvents: 'Todos los eventos',
		lanes: 'Filas',
		grouping: { actor: 'Actor', kind: 'Tipo', country: 'País', none: 'Ninguna' },
		presets: { all: 'Todo', decade: 'Década', year: 'Año', month: 'Mes', week: 'Semana' },
		zoomIn: 'Acercar',
		zoomOut: 'Alejar',
		fit: 'Ver todo',
		expandOthers: 'Ver todos los actores',
		collapseOthers: 'Solo los más activos',
		cluster: (n: number) => count(n, 'evento', 'eventos'),
		clusterHint: 'Acerque la vista para verlos',
		laneCount: (n: number) => number.format(n),
		window: (from: string, to: string) => `${from} – ${to}`,
		loading: 'Dibujando la cronología…',
		empty: 'No hay eventos que dibujar',
		emptyFiltered: 'El filtro no deja pasar ningún evento',
		overviewBrush:
			'Intervalo visible: las flechas lo desplazan, Mayús con flechas lo amplía o lo estrecha, Inicio y Fin llevan a los primeros y últimos eventos',
		overviewKept: 'Tras el filtro',
		overviewAll: 'Todos los eventos',
		overview:
			'Vista general: los eventos de todo el periodo; arrastre el intervalo resaltado para mover la cronología',
		selected: (title: string, date: string) => `Seleccionado: ${title}, ${date}`,
		badLink: 'Una parte del enlace no se ha entendido y se ha ignorado:',
		badWindow: 'el intervalo de tiempo',
		badLanes: 'la agrupación en filas',
		unknownEvent: (id: string) => `Ningún evento tiene el identificador «${id}».`
	},
	importer: {
		open: 'Importar…',
		title: 'Importar eventos',
		intro:
			'Trama lee su propio formato, el JSON de TimelineJS3 y de vis-timeline, y listas de registros (también en JSON Lines, un registro por línea) cuyos campos asigna usted, en archivos de hasta 500 MB. No se guarda nada hasta que pulse Importar.',
		files: 'Archivos JSON o JSON Lines',
		url: 'O una dirección web',
		urlRead: 'Descargar',
		urlReadFrom: (host: string) => `Descargar de ${host}`,
		urlPrivacy:
			'El sitio conocerá su dirección IP y el momento de la petición; Trama no envía cookies ni dice desde qué página llega usted.',
		consentTitle: (host: string) => `¿Descargar un archivo de ${host}?`,
		consentLink:
			'Un enlace pide a Trama que descargue este archivo. Todavía no se ha descargado nada.',
		consentRemember: (host: string) => `No volver a preguntar por ${host} en este navegador`,
		consentYes: (host: string) => `Descargar de ${host}`,
		consentNo: 'No descargar',
		approvedHosts: (hosts: string[]) =>
			`Los enlaces de ${list.format(hosts)} se descargan sin preguntar.`,
		forgetHosts: 'Volver a preguntar por todos los sitios',
		urlPlaceholder: 'https://example.org/events.json',
		urlBad: (why: Message) => `No se puede descargar: ${say(why)}.`,
		drop: 'Suelte aquí archivos JSON para importarlos',
		remove: (name: string) => `Quitar ${name}`,
		stage: {
			reading: 'Leyendo',
			parsing: 'Analizando el JSON',
			validating: 'Comprobando los registros',
			comparing: 'Comparando con lo guardado',
			writing: 'Guardando'
		} satisfies Record<Stage, string>,
		progressOf: (stage: string, percent?: number) =>
			percent === undefined ? `${stage}…` : `${stage}: ${percentage.format(percent / 100)}`,
		cancelWork: 'Detener',
		cancelledWrite: 'Importación cancelada: no se ha guardado nada.',
		mapping: 'Correspondencia de campos',
		mappingHint:
			'Elija el campo que contiene cada dato del evento. Trama recuerda su elección para los archivos con los mismos campos.',
		mappingNone: '(ninguno)',
		mappable: {
			title: 'Título',
			start: 'Fecha (inicio)',
			end: 'Fecha de fin',
			actors: 'Actores',
			place: 'Lugar',
			summary: 'Resumen',
			tags: 'Etiquetas',
			url: 'Enlace de la fuente',
			confidence: 'Confianza',
			id: 'ID'
		} satisfies Record<Mappable, string>,
		required: 'obligatorio',
		newActors: (n: number) => `Crea ${count(n, 'actor', 'actores')}:`,
		matchedActors: (n: number) =>
			`${count(n, 'actor', 'actores')} del archivo ${agree(n, 'coincide', 'coinciden')} por nombre o alias con ${agree(n, 'uno ya guardado', 'otros ya guardados')}:`,
		matchLine: (imported: string, existing: string) => `«${imported}» → ${existing}`,
		refusedLine: (imported: string) => `«${imported}» sigue siendo un actor aparte`,
		chosenLine: (imported: string, existing: string) => `«${imported}» → ${existing} (su elección)`,
		sameAsSummary: '¿Alguno de ellos es un actor que ya existe?',
		sameAsNew: 'Actor nuevo',
		sameAsStored: 'Es el actor ya guardado',
		sameAsChoose: (name: string) => `Es ${name}`,
		undoMatch: 'Mantener aparte',
		redoMatch: 'Volver a asociar',
		examples: 'Archivos de ejemplo:',
		paste: 'O pegar JSON',
		pasteRead: 'Leer el JSON pegado',
		pastedName: 'JSON pegado',
		/** A pasted dataset's first name, with the moment it was pasted (the user's clock). */
		pastedDataset: (when: number) => `Pegado el ${formatLocalInstant(when, 'es-ES')}`,
		groups: 'Los grupos de TimelineJS y vis-timeline se convierten en',
		groupAs: { tag: 'Etiquetas', actor: 'Actores' },
		format: {
			native: 'Trama',
			timelinejs: 'TimelineJS3',
			'vis-timeline': 'vis-timeline',
			records: 'Lista de registros',
			jsonl: 'JSON Lines (un registro por línea)',
			backup: 'Copia de seguridad de Trama (se añaden sus conjuntos de datos; no cambia nada más)',
			unknown: 'Desconocido'
		} satisfies Record<DetectedFormat, string>,
		detected: (format: string) => `Formato: ${format}`,
		counts: (added: number, changed: number, identical: number, invalid: number) =>
			`${count(added, 'nuevo', 'nuevos')} · ${count(changed, 'modificado', 'modificados')} · ${count(identical, 'idéntico', 'idénticos')} (${agree(identical, 'se omite', 'se omiten')}) · ${count(invalid, 'no válido', 'no válidos')}`,
		removed: (n: number) =>
			`${count(n, 'evento guardado', 'eventos guardados')} de este conjunto de datos no ${agree(n, 'está', 'están')} en el archivo y se ${agree(n, 'eliminará', 'eliminarán')}.`,
		intoMany: (datasets: { name: string; existing: boolean }[]) =>
			`Conjuntos de datos: ${datasets.map((d) => `«${d.name}»${d.existing ? ' (se actualiza)' : ' (nuevo)'}`).join(', ')}`,
		into: (name: string, existing: boolean) =>
			existing ? `Actualiza el conjunto de datos «${name}»` : `Crea el conjunto de datos «${name}»`,
		problemsHeading: (n: number) =>
			`${count(n, 'registro no válido', 'registros no válidos')} (${agree(n, 'se omite', 'se omiten')}):`,
		more: (n: number) => `…y ${number.format(n)} más`,
		// -- import trust: grouped problems, unassessed events --
		unassessed: (n: number) =>
			`${count(n, 'evento no indica', 'eventos no indican')} ningún nivel de confianza: se ${agree(n, 'importa', 'importan')} sin evaluar.`,
		problemGroup: (records: number, reason: string) =>
			`${count(records, 'registro', 'registros')}: ${reason}`,
		changedFields: (title: string, fields: string) => `${title}: ${fields}`,
		readAsLegacy: 'Leerlo como Windows-1252',
		readAsNote: '(leído como Windows-1252, según su elección)',
		dateNumbers: 'Los números de la fecha son',
		dateNumbersChoose: 'Elegir…',
		dateNumberKinds: {
			years: 'años (2023, -300)',
			unixSeconds: 'segundos Unix',
			unixMs: 'milisegundos Unix',
			excelDays: 'días de hoja de cálculo (45000)'
		} satisfies Record<DateNumbers, string>,
		dateNumbersGuessed: 'Suposición de Trama, por su rango.',
		dateNumbersExamples: (examples: string[]) => `Por ejemplo: ${examples.join('; ')}.`,
		dateNumberExample: (value: number, date: string | undefined) =>
			`${value} → ${date ?? 'sin fecha'}`,
		cannot: 'No se puede importar:',
		commit: (n: number) => `Importar ${count(n, 'evento', 'eventos')}`,
		nothing: 'Nada que importar',
		cancel: 'Cancelar',
		done: (n: number, datasets: number) =>
			`Importación terminada: ${count(n, 'evento', 'eventos')} en ${count(datasets, 'conjunto de datos', 'conjuntos de datos')}.`,
		failed: (why: Message) => `La importación ha fallado y no se ha guardado nada: ${say(why)}`
	},
	exporter: {
		open: 'Exportar y copia de seguridad…',
		title: 'Exportar y hacer copia de seguridad',
		dataHeading: 'Exportar eventos',
		what: 'Eventos',
		selection: (n: number) => `Lo que se ve ahora (${count(n, 'evento', 'eventos')})`,
		selectionHint:
			'El intervalo de la cronología, los conjuntos de datos visibles, el filtro de actor y lo que dejan la búsqueda y las facetas cuando ocultan el resto.',
		dataset: (name: string, n: number) => `${name} (${count(n, 'evento', 'eventos')})`,
		all: (n: number) => `Todos los conjuntos de datos (${count(n, 'evento', 'eventos')})`,
		format: 'Formato',
		formats: {
			native: 'JSON de Trama',
			csv: 'CSV (hojas de cálculo)',
			timelinejs: 'JSON de TimelineJS3'
		} satisfies Record<'native' | 'csv' | 'timelinejs', string>,
		formatHint: {
			native: 'Todo lo que guarda Trama; se vuelve a importar sin cambios.',
			csv: 'Una fila por evento; actores y fuentes unidos con «; ». Se abre en Excel sin estropear las tildes ni otras escrituras.',
			timelinejs:
				'Títulos, resúmenes, fechas, contenido multimedia con sus créditos, fuentes como enlaces en el texto y periodos; TimelineJS no admite el resto (confianza, relaciones).'
		} satisfies Record<'native' | 'csv' | 'timelinejs', string>,
		allNativeHint:
			'Todos los conjuntos de datos en un único archivo de copia de seguridad: Importar vuelve a añadir sus conjuntos de datos; Restaurar lo sustituye todo por su contenido.',
		download: 'Descargar',
		empty: 'Aquí no hay eventos que exportar.',
		picturesHeading: 'Imágenes de las vistas',
		picturesHint:
			'El intervalo de la cronología y la red tal como están ahora, con un pie que indica el intervalo, los conjuntos de datos y las fuentes.',
		timelineSvg: 'Cronología (SVG)',
		timelinePng: 'Cronología (PNG)',
		networkSvg: 'Red (SVG)',
		networkPng: 'Red (PNG)',
		noNetwork: 'Abra la pestaña Red para obtener su imagen.',
		networkOnCanvas:
			'La red dibuja todos los actores en un lienzo: su imagen es un PNG. Para obtener una imagen SVG, elija «Dibujar los más activos» en la red.',
		datasetGone: 'ese conjunto de datos ya no existe',
		/** `sources` is undefined while they are being counted. */
		caption: (window: string, datasets: string[], sources: number | undefined) =>
			`${window} · ${datasets.length ? datasets.join(', ') : 'ningún conjunto de datos visible'} · ${sources === undefined ? 'contando las fuentes…' : count(sources, 'fuente', 'fuentes')} · Trama`,
		selectionName: (window: string) => `Selección, ${window}`,
		allName: 'Todos los conjuntos de datos',
		backupHeading: 'Copia de seguridad',
		storageUse: (used: number, quota: number) =>
			`Los datos de Trama ocupan ${bytes(used)} del almacenamiento de este navegador; quedan unos ${bytes(quota - used)} libres.`,
		storageKept: 'El navegador los conserva hasta que usted los borre.',
		storageMayClear: 'El navegador puede borrarlos si le falta espacio.',
		storageAsk: 'Pedir al navegador que los conserve',
		storageAskRefused: 'El navegador no lo ha aceptado: haga copias de seguridad.',
		backupHint:
			'Un archivo con todos los conjuntos de datos, actores, periodos y ajustes. El almacenamiento del navegador puede borrarlo el propio navegador o usted: guarde una copia de seguridad en un lugar seguro.',
		backup: 'Hacer copia de seguridad',
		restore: 'Restaurar copia de seguridad…',
		restoreSummary: (when: string, datasets: number, events: number, actors: number) =>
			`Esta copia de seguridad (${when}) contiene ${count(datasets, 'conjunto de datos', 'conjuntos de datos')}, ${count(events, 'evento', 'eventos')} y ${count(actors, 'actor', 'actores')}.`,
		restoreReplaces: (datasets: number, events: number) =>
			`Al restaurarla se sustituye todo lo que hay guardado ahora: ${count(datasets, 'conjunto de datos', 'conjuntos de datos')} y ${count(events, 'evento', 'eventos')}.${datasets > 0 ? ' Deshacer los recupera.' : ''}`,
		restoreConfirm: 'Sustituirlo todo',
		restoreCancel: 'Conservar lo actual',
		restored: (datasets: number, events: number) =>
			`Restauración terminada: ${count(datasets, 'conjunto de datos', 'conjuntos de datos')} con ${count(events, 'evento', 'eventos')}.`,
		restoreFailed: (why: string) => `No se ha restaurado nada: ${why}`,
		restoreReading: (done: number, total?: number) =>
			total
				? `Leyendo la copia de seguridad: ${bytes(done)} de ${bytes(total)}…`
				: 'Leyendo la copia de seguridad…',
		restoreWriting: (done: number, total?: number) =>
			total
				? `Restaurando: ${number.format(done)} de ${count(total, 'evento guardado', 'eventos guardados')}…`
				: 'Restaurando…',
		restoreStop: 'Detener',
		restoreReadCancelled:
			'Se ha detenido la lectura de la copia de seguridad. No ha cambiado nada.',
		restoreCancelled: 'La restauración se ha detenido antes de terminar. No ha cambiado nada.',
		settingsSkipped: (n: number) =>
			`${count(n, 'ajuste', 'ajustes')} de la copia de seguridad no ${agree(n, 'es', 'son')} de Trama y se ${agree(n, 'ha', 'han')} omitido.`,
		exported: (name: string) => `Se ha descargado ${name}.`,
		failed: (why: string) => `La exportación ha fallado: ${why}`,
		close: 'Cerrar'
	},
	network: {
		label: 'Red de actores del intervalo de la cronología',
		tab: 'Red',
		tableTab: 'Tabla',
		colourBy: 'Color',
		colour: { kind: 'Tipo', country: 'País' },
		fit: 'Ajustar',
		legend: 'Leyenda',
		links: 'Vínculos dibujados',
		canvasLabel: (nodes: number, edges: number) =>
			`Red de actores del intervalo: ${count(nodes, 'actor', 'actores')} y ${count(edges, 'vínculo', 'vínculos')} dibujados. Cada actor de la lista se selecciona al pulsarlo; las teclas de flecha recorren la lista.`,
		drawAll: 'Dibujar todo',
		drawAllHint: (actors: number, links: number) =>
			`Dibujar todos los actores y vínculos del intervalo (hasta ${count(actors, 'actor', 'actores')} y ${count(links, 'vínculo', 'vínculos')}) en un lienzo cuya disposición se calcula en segundo plano`,
		drawBusiest: 'Dibujar los más activos',
		otherCountries: 'Otros',
		sizeHint: 'Tamaño: eventos · grosor: eventos compartidos',
		drawing: 'Dibujando la red…',
		summary: (nodes: number, edges: number) =>
			`${count(nodes, 'actor', 'actores')}, ${count(edges, 'vínculo', 'vínculos')} en el intervalo`,
		/** Past the drawing's limits: the busiest are drawn, and the rest counted. */
		summaryPart: (nodes: number, allNodes: number, edges: number, allEdges: number) =>
			`Dibujados los ${number.format(nodes)} más activos de ${count(allNodes, 'actor', 'actores')} y ${number.format(edges)} de ${count(allEdges, 'vínculo', 'vínculos')}`,
		partHint:
			'Son demasiados para dibujarlos con claridad: se dibujan los actores más activos y los vínculos de más peso. Acerque la cronología o elija un actor para ver el resto.',
		empty: 'Ningún actor participa en eventos de este intervalo.',
		emptyFiltered:
			'Ningún actor participa en los eventos que deja pasar el filtro en este intervalo.',
		nodeLabel: (name: string, n: number) => `${name}, ${count(n, 'evento', 'eventos')}`,
		shared: (n: number) => `${count(n, 'evento compartido', 'eventos compartidos')}`,
		unknownActor: (id: string) => `Ningún actor tiene el identificador «${id}».`
	},
	actorPanel: {
		label: 'Actor',
		close: 'Quitar la selección del actor',
		eventsInWindow: (n: number) => `${count(n, 'evento', 'eventos')} en el intervalo`,
		aliases: 'Otros nombres',
		connections: 'Conexiones en el intervalo',
		noConnections: 'No hay conexiones en este intervalo.',
		shared: (n: number) => count(n, 'evento compartido', 'eventos compartidos'),
		filter: 'Solo estos eventos en la cronología',
		showEvents: 'Mostrar los eventos',
		hideEvents: 'Ocultar los eventos',
		moreConnections: (n: number) => `Mostrar ${count(n, 'conexión más', 'conexiones más')}`
	},
	eventList: {
		more: (n: number, total: number) =>
			`Mostrar ${count(n, 'evento más', 'eventos más')} (de ${number.format(total)})`
	},
	edgePanel: {
		label: 'Vínculo',
		/** "Rusia e Irán": Intl puts "e" for "y" before an /i/ sound. */
		title: (a: string, b: string) => list.format([a, b]),
		close: 'Quitar la selección del vínculo',
		events: (n: number) => `${count(n, 'evento compartido', 'eventos compartidos')} en el intervalo`
	},
	/** The network's layout: the split, the legend of doubtful links, the link's evidence. */
	networkLayout: {
		split: 'Cambiar el tamaño de la cronología y de la red',
		claimsOnly: 'Solo eventos atribuidos o desmentidos',
		strongest: 'Prueba más sólida',
		claimsNote: 'Este vínculo solo tiene eventos atribuidos o desmentidos.'
	},
	editor: {
		edit: 'Editar',
		editHint: 'Editar este evento',
		label: 'Editar evento',
		newLabel: 'Nuevo evento',
		newEvent: 'Nuevo evento',
		newEventHint: 'Añadir un evento a mano (N)',
		duplicate: 'Duplicar',
		duplicateHint: 'Un evento nuevo que empieza siendo una copia de este',
		delete: 'Eliminar',
		deleteHint: 'Eliminar este evento (se puede deshacer)',
		copyOf: (title: string) => `${title} (copia)`,
		dataset: 'Conjunto de datos',
		newDataset: 'Nuevo conjunto de datos…',
		newDatasetName: 'Nombre del nuevo conjunto de datos',
		datasetNameEmpty: 'El nuevo conjunto de datos necesita un nombre',
		noDataset: 'Elija el conjunto de datos del evento',
		title: 'Título',
		start: 'Inicio',
		end: 'Fin',
		endHint: 'Opcional',
		dateHint: `Como la escribiría: ${example.day}, ${example.month}, 2023, c. 1990, ${example.bce}`,
		understood: (date: string) => `Interpretada como: ${date}`,
		kind: 'Tipo',
		confidence: 'Confianza',
		participants: 'Participantes',
		noParticipants: 'Todavía no hay ninguno: añada los actores que intervienen en el evento.',
		addParticipant: 'Añadir un participante',
		actorPlaceholder: 'Nombre o alias de un actor',
		add: 'Añadir',
		rolePlaceholder: 'papel',
		roleOf: (name: string) => `Papel de ${name}`,
		removeParticipant: (name: string) => `Quitar a ${name}`,
		noSuchActor: (text: string) => `Ningún actor se llama «${text}».`,
		severalActors: (text: string, names: string[], more: boolean) =>
			`Varios actores coinciden con «${text}» (${names.join(', ')}${more ? '…' : ''}): elija uno de la lista.`,
		alreadyParticipant: (name: string) => `${name} ya es participante.`,
		participantInRelation: (name: string) =>
			`${name} forma parte de una relación: quite primero la relación.`,
		relations: 'Relaciones',
		relationSource: 'Origen',
		relationType: 'Relación',
		relationTarget: 'Destino',
		relationNeedsTwo: 'Una relación necesita dos participantes.',
		relationChoose: 'Elija el origen y el destino de la relación.',
		relationSelf: 'Una relación necesita dos participantes distintos.',
		relationTwice: 'Esa relación ya existe.',
		removeRelation: (what: string) => `Quitar la relación: ${what}`,
		placeName: 'Lugar',
		country: 'País',
		noCountry: '—',
		placeNeedsName: 'Un lugar necesita un nombre, además de un país o unas coordenadas.',
		coordinatesNotNumbers: 'Las coordenadas son números en grados, como 43,1 y 131,9',
		coordinatesBoth: 'Indique la latitud y la longitud, o ninguna de las dos',
		latitude: 'Latitud',
		longitude: 'Longitud',
		earliest: 'No antes de',
		latest: 'No después de',
		tags: 'Etiquetas',
		addTag: 'Añadir etiquetas',
		tagPlaceholder: 'Escriba una etiqueta y pulse Enter',
		removeTag: (tag: string) => `Quitar la etiqueta ${tag}`,
		sources: 'Fuentes',
		noSources: 'Todavía no hay fuentes: cite dónde se informa del evento.',
		sourceN: (n: number) => `Fuente ${n}`,
		sourceUrl: 'Dirección (URL)',
		sourceTitle: 'Título de la fuente',
		publisher: 'Medio',
		published: 'Publicación',
		quote: 'Cita',
		language: 'Idioma',
		languageHint: 'Una etiqueta de idioma como en, es, ru, zh-Hans',
		addSource: 'Añadir una fuente',
		removeSource: 'Quitar',
		summary: 'Resumen',
		notes: 'Notas',
		save: 'Guardar',
		create: 'Añadir evento',
		saving: 'Guardando…',
		cancel: 'Cancelar',
		titleEmpty: 'El título está vacío',
		startEmpty: 'El inicio está vacío',
		endBeforeStart: 'El fin es anterior al inicio',
		saved: (title: string) => `Se ha guardado «${title}».`,
		unchanged: (title: string) => `No ha cambiado nada en «${title}».`,
		created: (title: string) => `Se ha añadido «${title}».`,
		deleted: (title: string) => `Se ha eliminado «${title}».`,
		moved: (title: string, date: string) => `Nueva fecha de «${title}»: ${date}.`
	},
	actors: {
		edit: 'Editar',
		editHint: 'Editar el nombre, los alias, el tipo, el país y la descripción de este actor',
		merge: 'Fusionar…',
		mergeHint: 'Este actor es el mismo que otro: fusionar los dos',
		delete: 'Eliminar',
		deleteHint: 'Eliminar este actor',
		editLabel: (name: string) => `Editar el actor ${name}`,
		name: 'Nombre',
		aliases: 'Alias',
		aliasesHint: 'Uno por línea, en cualquier escritura: Владимир Путин, Vladímir Putin',
		kind: 'Tipo',
		country: 'País',
		description: 'Descripción',
		save: 'Guardar',
		cancel: 'Cancelar',
		nameEmpty: 'El nombre está vacío',
		saved: (name: string) => `Se ha guardado el actor ${name}.`,
		created: (name: string) => `Se ha añadido el actor ${name}.`,
		unchanged: (name: string) => `No ha cambiado nada en el actor ${name}.`,
		deleted: (name: string, n: number) =>
			n === 0
				? `Se ha eliminado el actor ${name}.`
				: `Se ha eliminado el actor ${name} y se ha retirado de ${count(n, 'evento', 'eventos')}.`,
		merged: (drop: string, keep: string, n: number) =>
			`Se ha fusionado ${drop} en ${keep}: ${count(n, 'evento modificado', 'eventos modificados')}.`,
		mergeLabel: (name: string) => `Fusionar ${name} con otro actor`,
		mergeFind: 'El actor al que equivale',
		mergeFindPlaceholder: 'Nombre o alias',
		mergeNone: 'Ningún otro actor coincide.',
		mergeKeep: 'Conservar',
		mergeKeepOne: (name: string) => `Conservar: ${name}`,
		mergePlan: (n: number, drop: string, keep: string) =>
			n === 0
				? `Ningún evento menciona a ${drop}.`
				: `${count(n, 'evento', 'eventos')} que ${agree(n, 'menciona', 'mencionan')} a ${drop} ${agree(n, 'pasará', 'pasarán')} a mencionar a ${keep}.`,
		mergeAliases: (names: string[]) =>
			`${list.format(names)} se ${agree(names.length, 'conservará', 'conservarán')} como alias.`,
		mergeLost: (n: number) =>
			`Se ${agree(n, 'perderá', 'perderán')} ${count(n, 'relación', 'relaciones')} entre ambos (${agree(n, 'vincularía', 'vincularían')} al actor consigo mismo).`,
		mergeGone: (name: string) => `${name} se eliminará. Deshacer lo recupera todo.`,
		mergeConfirm: 'Fusionar',
		mergePlanning: 'Calculando qué cambiaría la fusión…',
		deleteLabel: (name: string) => `¿Eliminar el actor ${name}?`,
		deleteUnused: (name: string) => `${name} no aparece en ningún evento. Se puede eliminar.`,
		deleteUsed: (name: string, n: number) =>
			`${name} aparece en ${count(n, 'evento', 'eventos')}. Si se elimina, se retirará de los participantes y las relaciones de ${agree(n, 'ese evento', 'esos eventos')}.`,
		deleteFromEvents: (n: number) => `Retirar de ${count(n, 'evento', 'eventos')} y eliminar`,
		deleteConfirm: 'Eliminar actor',
		checking: 'Buscando los eventos que lo mencionan…',
		more: (n: number) => `…y ${number.format(n)} más`,
		createNamed: (name: string) => `Añadir «${name}» como actor nuevo`,
		createKind: 'Tipo del actor nuevo'
	},
	history: {
		undo: 'Deshacer',
		/** A change, named in the undo and redo buttons and notices. */
		change: (kind: ChangeKind, title: string) =>
			({
				'event.edit': `el cambio en «${title}»`,
				'event.create': `la creación de «${title}»`,
				'event.delete': `la eliminación de «${title}»`,
				'actor.create': `la creación del actor ${title}`,
				'actor.edit': `el cambio en el actor ${title}`,
				'actor.delete': `la eliminación del actor ${title}`,
				'actor.merge': `la fusión en ${title}`,
				'dataset.delete': `la eliminación del conjunto de datos «${title}»`,
				'dataset.rename': `el cambio de nombre del conjunto de datos «${title}»`,
				'dataset.import': `la importación de «${title}»`,
				'dataset.restore': `la restauración de «${title}»`,
				'backup.restore': 'la restauración de la copia de seguridad'
			})[kind],
		actorMerged: (date: string) => `Actores fusionados el ${date}`,
		actorDeleted: (date: string) => `Se retiró un actor el ${date}`,
		undone: (what: string) => `Se ha deshecho ${what}.`,
		redone: (what: string) => `Se ha rehecho ${what}.`,
		nothingToUndo: 'No hay nada que deshacer.',
		nothingToRedo: 'No hay nada que rehacer.',
		undoWhat: (what: string) => `Deshacer ${what} (Ctrl+Z)`,
		heading: 'Historial',
		imported: (date: string) => `Importado el ${date}`,
		importedFrom: (date: string, from: string) => `Importado el ${date} desde ${from}`,
		defaultData: (date: string) => `Cargado con el conjunto de datos predeterminado el ${date}`,
		pasted: 'texto pegado',
		created: (date: string) => `Añadido el ${date}`,
		deleted: (date: string) => `Eliminado el ${date}`,
		edited: (date: string) => `Modificado el ${date}`,
		nothingRecorded: 'No hay cambios registrados',
		loading: 'Leyendo el historial…',
		circa: 'aproximada',
		mediaCount: (n: number) => count(n, 'elemento', 'elementos'),
		field: {
			title: 'Título',
			start: 'Inicio',
			end: 'Fin',
			uncertainty: 'Incertidumbre',
			kind: 'Tipo',
			confidence: 'Confianza',
			place: 'Lugar',
			participants: 'Participantes',
			relations: 'Relaciones',
			tags: 'Etiquetas',
			sources: 'Fuentes',
			summary: 'Resumen',
			notes: 'Notas',
			media: 'Multimedia',
			extra: 'Otros campos'
		} satisfies Record<EventField, string>,
		redoWhat: (what: string) => `Rehacer ${what} (Ctrl+Shift+Z)`
	},
	details: {
		label: 'Detalles del evento',
		close: 'Cerrar los detalles',
		zoomTo: 'Acercar al evento',
		place: 'Lugar',
		participants: 'Participantes',
		relations: 'Relaciones',
		tags: 'Etiquetas',
		sources: 'Fuentes',
		notes: 'Notas',
		none: 'Seleccione un evento en la cronología o en la tabla para ver sus detalles.',
		loading: 'Abriendo el evento…',
		published: (date: string) => `publicada ${onDate(date)}`,
		// -- import trust: media --
		media: 'Multimedia',
		mediaKind: {
			image: 'Imagen',
			video: 'Vídeo',
			audio: 'Audio',
			tweet: 'Tuit',
			map: 'Mapa',
			document: 'Documento',
			link: 'Enlace'
		} satisfies Record<MediaKind, string>,
		mediaCredit: (credit: string) => `Crédito: ${credit}`,
		mediaLoad: (host: string) => `Cargar la imagen de ${host}`,
		mediaOpen: (host: string) => `Abrir en ${host}`,
		mediaFailed: (host: string) => `No se ha podido cargar la imagen de ${host}.`,
		directed: '→',
		undirected: '—'
	},
	relation: {
		met: 'se reunió con',
		visited: 'visitó',
		hosted: 'recibió a',
		called: 'llamó a',
		wrote_to: 'escribió a',
		negotiated_with: 'negoció con',
		signed_agreement_with: 'firmó un acuerdo con',
		supplied_weapons_to: 'suministró armas a',
		sent_troops_to: 'envió tropas a',
		provided_service_to: 'prestó un servicio a',
		restricted_service_to: 'restringió un servicio a',
		accused: 'acusó a',
		denied: 'desmintió una afirmación sobre',
		denied_contact_with: 'negó haber tenido contacto con',
		rebelled_against: 'se rebeló contra',
		attacked: 'atacó a',
		other: 'tiene relación con'
	} satisfies Record<RelationType, string>,
	confidence: {
		confirmed: 'Confirmado',
		reported: 'Informado',
		claimed: 'Atribuido',
		denied: 'Desmentido',
		unassessed: 'Sin evaluar'
	} satisfies Record<Confidence, string>,
	confidenceHelp: {
		confirmed:
			'Acreditado por declaraciones oficiales de las partes o por varias informaciones independientes',
		reported: 'Publicado por medios o gobiernos creíbles; sin confirmación de las partes',
		claimed: 'Afirmado solo por una de las partes interesadas',
		denied: 'Desmentido públicamente por una de las partes implicadas',
		unassessed:
			'Nadie ha evaluado aún esta afirmación: es el nivel que reciben las importaciones de archivos que no indican confianza (TimelineJS, vis-timeline y la mayoría de las listas de registros)'
	} satisfies Record<Confidence, string>,
	// -- import trust: the confidence filter --
	confidenceFilter: {
		explain: 'Qué significan'
	},
	// ---- Saved searches ------------------------------------------------------------------------
	saved: {
		heading: 'Búsquedas guardadas',
		save: 'Guardar esta búsqueda…',
		saveHint:
			'Dar un nombre a las palabras, las opciones de las facetas y el intervalo, para volver a ellos',
		name: 'Nombre',
		namePlaceholder: 'p. ej., Ventas de armas desmentidas',
		confirm: 'Guardar',
		cancel: 'Cancelar',
		empty: 'Ponga un nombre a la búsqueda.',
		long: (max: number) => `Un nombre tiene como máximo ${count(max, 'carácter', 'caracteres')}.`,
		storage: 'El navegador no ha permitido guardarla (el almacenamiento está desactivado o lleno).',
		saved: (name: string) => `Se ha guardado la búsqueda «${name}».`,
		replaced: (name: string) => `Se ha sustituido la búsqueda guardada «${name}».`,
		shown: (name: string) => `Se muestra la búsqueda guardada «${name}».`,
		removed: (name: string) => `Se ha eliminado la búsqueda guardada «${name}».`,
		remove: (name: string) => `Eliminar la búsqueda guardada «${name}»`,
		show: (name: string, what: string) => `Mostrar «${name}»: ${what}`
	},
	// ---- Search and facets: one filter for every view ----------------------------------------
	filter: {
		heading: 'Filtro',
		searchLabel: 'Buscar en los eventos',
		searchPlaceholder: 'Buscar eventos, actores, lugares…',
		searchHelp:
			'Deben aparecer todas las palabras. "Una frase" tal cual, -palabra para excluirla, actor:, tag: o place: para un solo campo. Pulse / o Ctrl+K para buscar.',
		results: (n: number, more: boolean) =>
			more
				? agree(n, 'La mejor coincidencia', `Las ${number.format(n)} mejores coincidencias`)
				: count(n, 'coincidencia', 'coincidencias'),
		noResults: 'Ningún evento coincide con estas palabras.',
		noResultsChosen: 'Ninguno de los eventos que dejan las facetas coincide con estas palabras.',
		light: (n: number) =>
			`Con más de ${count(n, 'evento visible', 'eventos visibles')}, las palabras solo se buscan en los títulos, los lugares, las etiquetas y los nombres de los actores (el texto completo no cabría en la memoria).`,
		showing: (shown: number, total: number) =>
			`${number.format(shown)} de ${count(total, 'evento', 'eventos')}`,
		all: (total: number) =>
			agree(total, count(total, 'evento', 'eventos'), `Los ${count(total, 'evento', 'eventos')}`),
		clear: 'Borrar todo',
		clearFilter: 'Borrar el filtro',
		clearHint:
			'Borrar las palabras y todas las opciones: mostrar todos los eventos de los conjuntos de datos visibles',
		clearFacet: 'Borrar',
		chosen: (n: number) => count(n, 'elegido', 'elegidos'),
		indexing: (percent: number) =>
			`Indexando los eventos para la búsqueda… ${percentage.format(percent / 100)}`,
		waiting: 'Contando…',
		failed: (message: string) => `El filtro no ha podido responder: ${message}`,
		facet: {
			dataset: 'Conjunto de datos',
			confidence: 'Confianza',
			kind: 'Tipo de evento',
			actor: 'Actor',
			actorKind: 'Tipo de actor',
			country: 'País',
			tag: 'Etiqueta',
			publisher: 'Medio de la fuente',
			precision: 'Precisión de fecha',
			coords: 'Lugar en el mapa'
		},
		precision: { year: 'Solo el año', month: 'Mes', day: 'Día', time: 'Hora' },
		coords: { yes: 'Con coordenadas', no: 'Sin coordenadas' },
		valueCount: (n: number) => `(${number.format(n)})`,
		findValue: (facet: string) => `Buscar un valor de «${facet}»`,
		showMore: (n: number) => `Mostrar ${number.format(n)} más`,
		showFewer: 'Mostrar menos',
		notListed: (n: number) =>
			`${count(n, 'valor más', 'valores más')} sin mostrar: acote el filtro para ${agree(n, 'verlo', 'verlos')}`,
		badLink: 'una faceta desconocida en el filtro',
		modeLabel: 'Lo excluido:',
		mode: { hide: 'Ocultar', dim: 'Atenuar' },
		modeHint: {
			hide: 'Los eventos que el filtro excluye desaparecen de todas las vistas',
			dim: 'La cronología y la tabla atenúan los eventos que el filtro excluye; la red y los recuentos muestran todos los eventos'
		},
		describeWords: (text: string) => `«${text}»`,
		describeFacet: (facet: string, values: readonly string[]) => `${facet}: ${values.join(', ')}`
	},
	actorKind: {
		person: 'Persona',
		state: 'Estado',
		organisation: 'Organización',
		company: 'Empresa'
	} satisfies Record<ActorKind, string>,
	eventKind: {
		state_visit: 'Visita de Estado',
		official_visit: 'Visita oficial',
		summit: 'Cumbre',
		meeting: 'Reunión',
		call: 'Llamada',
		correspondence: 'Correspondencia',
		agreement: 'Acuerdo',
		arms_transfer: 'Transferencia de armas',
		deployment: 'Despliegue',
		conflict: 'Conflicto',
		statement: 'Declaración',
		report: 'Informe',
		denial: 'Desmentido',
		other: 'Otro'
	} satisfies Record<EventKind, string>,
	// ---- The timeline's legend, lanes for events without actors --------------------------------
	legend: {
		toggle: 'Leyenda',
		title: 'Cómo leer la cronología',
		close: 'Cerrar la leyenda',
		colour: 'Color: confianza',
		marks: 'Marcas',
		sample: 'Evento',
		point: 'Un punto: un evento demasiado breve para dibujarlo como tramo con este zoom',
		imprecise: 'Rayado: fechado solo por el mes o el año',
		uncertain: 'Borde punteado y título en cursiva: fecha aproximada (c., o entre dos límites)',
		denied: 'Sin relleno y tachado: desmentido; se muestra, pero no como un hecho',
		cluster:
			'Varios eventos demasiado juntos para separarlos con este zoom; haga clic para acercar',
		dimmed:
			'Atenuado: no forma parte del actor o del vínculo seleccionados en la red, o lo excluye el filtro cuando atenúa',
		otherTags: (n: number) => `Otras etiquetas (${number.format(n)})`,
		noTag: 'Sin etiqueta',
		lanesBy: { tag: 'Filas por etiqueta', kind: 'Filas por tipo', none: 'Una sola fila' },
		fallbackWhy:
			'La mayoría de estos eventos no tienen actores, así que sus filas siguen las etiquetas o los tipos. Para ver actores, vuelva a importar el archivo y elija que los grupos se conviertan en actores.',
		networkNoActors:
			'Estos eventos no tienen actores, así que no hay red que dibujar. Si los grupos del archivo nombran actores, vuelva a importarlo y elija que los grupos se conviertan en «Actores».'
	},
	// Window navigation: fitting the window to an actor's events.
	windowNav: {
		fitActor: 'Ajustar a los eventos de este actor',
		fitActorHint: (n: number) =>
			n === 0
				? 'Este actor no participa en ninguno de los eventos visibles'
				: `Mostrar en la cronología ${agree(n, 'el evento', `los ${count(n, 'evento', 'eventos')}`)} de este actor`
	},
	// ---- The table's scope, the empty dashboard, the datasets' loading state, reports ----
	tableScope: {
		/** "12 de 81 eventos" is said by `table.showing`; this names what limits it. */
		label: 'Lo que muestra la tabla',
		window: (dates: string) => `el intervalo ${dates}`,
		link: (a: string, b: string) => `${a} – ${b}`,
		hidden: (names: readonly string[]) =>
			names.length === 1
				? `«${names[0]}» oculto`
				: `${count(names.length, 'conjunto de datos oculto', 'conjuntos de datos ocultos')}`,
		filter: (what: string) => `el filtro (${what})`,
		query: (query: string) => `«${query}»`,
		showAll: 'Mostrar todo',
		showAllHint:
			'Listar todos los eventos de los conjuntos de datos visibles, sea cual sea el intervalo o el filtro de actor',
		follow: 'Seguir las vistas',
		followHint: 'Listar solo lo que muestran la cronología y la red',
		noneInScopeTitle: 'No hay eventos aquí',
		noneInScopeBody: (limits: string) => `No queda nada con estos límites: ${limits}.`,
		allHiddenTitle: 'Todos los conjuntos de datos están ocultos',
		allHiddenBody:
			'Marque un conjunto de datos en la lista de la izquierda para volver a mostrar sus eventos.'
	},
	emptyDashboard: {
		title: 'No hay eventos que mostrar',
		body: 'Aún no hay conjuntos de datos en este navegador, o se han eliminado todos. Importe un archivo, añada un evento a mano o recupere el conjunto de datos que incluye Trama.',
		import: 'Importar…',
		newEvent: 'Añadir un evento',
		restore: 'Restaurar conjunto predeterminado'
	},
	datasetsLoading: 'Abriendo los conjuntos de datos…',
	datasetsFailed: 'No se han podido abrir los conjuntos de datos.',
	/** Messages from the model, the importers and the store: see `render.ts`. */
	...language
};
