// IndexedDB for Node: each test file gets a fresh in-memory implementation.
import 'fake-indexeddb/auto';
