/**
 * The API's validation of bodies, query strings and route parameters: fastify-type-provider-zod's, with every issue
 * carrying its message id (checkWith, src/core/validation-words.ts), so the error handler answers a person in their
 * language from the id, never from zod's English. The errors have the library's shape and mark
 * (Symbol.for('ZodFastifySchemaValidationError'), what its hasZodFastifySchemaValidationErrors reads); the library
 * does not export the function that makes them.
 */
import type { FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';
import { checkWith } from '../core/validation-words.js';

const MARK = Symbol.for('ZodFastifySchemaValidationError');

export const footingValidatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data) => {
    const result = checkWith(schema, data);
    if (result.success) return { value: result.data };
    return {
      error: result.error.issues.map(({ path, code, message, ...params }) => ({
        [MARK]: true,
        keyword: code,
        instancePath: `/${path.join('/')}`,
        schemaPath: `#/${path.join('/')}/${code}`,
        message,
        params,
      })),
    };
  };
