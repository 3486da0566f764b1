/**
 * A write that locks a person's row and then their ladder state (merging two people) can
 * meet a rebuild batch that holds the states and then writes the people: PostgreSQL ends
 * one of them. The batch is placed again (its transaction rolled back entirely).
 */
export async function retryOnDeadlock<T>(work: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const code = (error as { driverError?: { code?: string }; code?: string }).driverError?.code ?? (error as { code?: string }).code;
      if (code !== '40P01' || attempt >= attempts) throw error;
    }
  }
}
