export const SQLITE_FTS_TABLES: string[];
export const SQLITE_TIP_SEARCH_TRIGGERS: string;
