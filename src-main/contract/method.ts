import type { z } from 'zod';

/** One API method: its request validator, with its response type carried for the type checker alone. */
export interface MethodSpec<S extends z.ZodType, Res> {
  /** Validates the request at the boundary and fills in its defaults. */
  readonly request: S;
  /** Phantom: never set at run time; only its type, the method's response, is read (see `Responses`). */
  readonly response?: Res;
}

/**
 * Declares a method once, request and response together: `method<ChurnResult>()(z.object({…}))`.
 * Curried because TypeScript cannot infer the schema's type while the response type is given.
 */
export const method =
  <Res>() =>
  <S extends z.ZodType>(request: S): MethodSpec<S, Res> => ({ request });

/** The response type of a method spec. */
export type ResponseOf<M> = M extends MethodSpec<z.ZodType, infer Res> ? Res : never;
