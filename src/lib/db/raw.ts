/**
 * The store as it is, read without Dexie and without upgrading it: every table's keys and
 * values, for a copy the user keeps when Trama cannot open the store (another program's tables,
 * another program's shapes, a newer Trama). Reading changes nothing.
 */
import { DEFAULT_DATABASE_NAME } from './database';

export interface RawStore {
	database: string;
	version: number;
	tables: Record<string, { key: IDBValidKey; value: unknown }[]>;
}

/** Every table of the database, read in one transaction; undefined when there is none. */
export function readRawStore(
	name: string = DEFAULT_DATABASE_NAME,
	factory: IDBFactory = indexedDB
): Promise<RawStore | undefined> {
	return new Promise((resolve, reject) => {
		const request = factory.open(name);
		// No such database: opening would create one; stop that.
		request.onupgradeneeded = () => request.transaction?.abort();
		request.onerror = (event) => {
			event.preventDefault();
			resolve(undefined);
		};
		request.onsuccess = () => {
			const db = request.result;
			const names = [...db.objectStoreNames];
			const out: RawStore = { database: name, version: db.version, tables: {} };
			if (names.length === 0) {
				db.close();
				resolve(out);
				return;
			}
			const tx = db.transaction(names, 'readonly');
			for (const table of names) {
				const store = tx.objectStore(table);
				const keys = store.getAllKeys();
				const values = store.getAll();
				values.onsuccess = () => {
					const found: unknown[] = values.result;
					out.tables[table] = keys.result.map((key, i) => ({ key, value: found[i] }));
				};
			}
			tx.oncomplete = () => {
				db.close();
				resolve(out);
			};
			tx.onerror = () => {
				db.close();
				reject(tx.error ?? new Error('the stored data could not be read'));
			};
		};
	});
}

/**
 * The store as JSON text for the user to keep: typed arrays (a head block's columns, see
 * `HeadBlock.cols`) as lists of their numbers, which JSON would otherwise write as objects.
 */
export function rawStoreJson(raw: RawStore): string {
	return JSON.stringify(raw, typedArraysAsLists, '\t');
}

/** A `JSON.stringify` replacer that writes a typed array as the list of its numbers. */
export function typedArraysAsLists(_key: string, value: unknown): unknown {
	return ArrayBuffer.isView(value) && !(value instanceof DataView)
		? Array.from(value as unknown as ArrayLike<number>)
		: value;
}
