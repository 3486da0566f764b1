// The hidden field every posting form carries (see csrf.server.ts).
export const csrfFieldName = 'csrf';
