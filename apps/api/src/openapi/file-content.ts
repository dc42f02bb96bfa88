/** The OpenAPI content of a streamed file of one media type: its bytes are the answer. */
export const FILE_CONTENT = { schema: { type: 'string', format: 'binary' } } as const;
