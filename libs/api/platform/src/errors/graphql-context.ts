const contextFailure = Symbol('graphqlContextFailure');

/**
 * Wraps the GraphQL context builder so its failure reaches the client as a
 * GraphQL error. When building the context throws (PostgreSQL away during the
 * session lookup), Mercurius's error handler asks for the context again before
 * formatting the error; a second failure there escaped to Fastify's default
 * handler as a raw driver error. The first failure is remembered on the request
 * and the second call gets `fallback` instead of repeating the lookup.
 */
export function failSafeContext<R extends object, C>(build: (request: R) => Promise<C>, fallback: (request: R) => C): (request: R) => Promise<C> {
  return async (request: R) => {
    const marked = request as R & { [contextFailure]?: unknown };
    if (marked[contextFailure]) return fallback(request);
    try {
      return await build(request);
    } catch (error) {
      marked[contextFailure] = error;
      throw error;
    }
  };
}
