/** DI token for the read-model database (Kysely). */
export const READ_MODEL_DB = Symbol('ReadModelDb');
