import { getSchemaPath, type ReferenceObject, type SchemaObject } from '@nestjs/swagger';

/**
 * Schema pieces for what @nestjs/swagger cannot infer. In OpenAPI 3.0.3 `nullable` only takes effect
 * next to a `type` in the same schema object: `{ nullable: true, allOf: [{ $ref }] }` still refuses a
 * real null, so a nullable reference is an `anyOf` with an explicit null branch.
 */
export const NULL_VALUE: SchemaObject = { type: 'object', nullable: true, enum: [null], description: 'null' };

/** `Model | null`, for `@ApiProperty({ ...nullableRef(Model) })`; the model must be in the document (ApiExtraModels). */
export function nullableRef(model: abstract new (...args: never[]) => unknown): { anyOf: Array<SchemaObject | ReferenceObject> } {
  return { anyOf: [{ $ref: getSchemaPath(model) }, NULL_VALUE] };
}

/** A typed cell value: a number, a text (dates as yyyy-mm-dd), a yes/no, or null when empty. */
export const CELL_VALUE: { description: string; anyOf: SchemaObject[] } = {
  description: 'A cell value: number, text (dates as yyyy-mm-dd), boolean, or null when empty',
  anyOf: [{ type: 'number' }, { type: 'string' }, { type: 'boolean' }, NULL_VALUE],
};

/** An object whose keys are field keys and whose values are cell values. */
export const TYPED_ROW: { type: 'object'; additionalProperties: SchemaObject; example: object } = {
  type: 'object',
  additionalProperties: CELL_VALUE,
  example: { so_luong_trong_nam: 3, ghi_chu: null },
};
