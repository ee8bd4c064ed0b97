import { DuckDBScalarFunction, VARCHAR } from '@duckdb/node-api';
import type { Sql } from './projectDb';

/**
 * Registers a JavaScript function of one text as a DuckDB function on this connection, for what
 * SQL cannot say (NFKC, walking a JSON document): NULL in, the function decides; called a vector
 * of values at a time.
 */
export function registerTextFunction(sql: Sql, name: string, fn: (value: string | null) => string | null): void {
  sql.raw.registerScalarFunction(
    DuckDBScalarFunction.create({
      name,
      returnType: VARCHAR,
      parameterTypes: [VARCHAR],
      mainFunction: (_info, input, output) => {
        const values = input.getColumnVector(0);
        for (let i = 0; i < input.rowCount; i++) {
          const value = values.getItem(i);
          output.setItem(i, fn(typeof value === 'string' ? value : null));
        }
        output.flush();
      },
    }),
  );
}
