/**
 * The full-table exports, by name: one list for the server's export schema (server/exports/tables.ts
 * describes each table and re-exports this) and for the pages' catalog keys (i18n/domain-text.ts),
 * which browser code reads and so cannot take from the server.
 */
export const EXPORT_TABLES = ['attendance', 'speakers', 'sessions', 'published_figures', 'countries'] as const;
export type ExportTableName = (typeof EXPORT_TABLES)[number];
