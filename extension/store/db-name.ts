// The IndexedDB database's name. Apart from db.ts so code that must not load Dexie (the new tab's
// boot read, agenda-raw-read.ts) can name it.
export const DB_NAME = 'almanac';
