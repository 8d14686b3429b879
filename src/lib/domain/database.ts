/**
 * Where the database lives unless IGF_DB says otherwise (relative to the working directory), for the
 * pipeline, the server and `npm start` alike.
 */
export const DEFAULT_DB_PATH = 'data/igf.duckdb';
