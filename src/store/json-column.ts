/** JSON text columns: written with JSON.stringify, read back through a zod validator so a bad row is named. */
import type { z } from 'zod';

export function toJson(value: unknown): string {
  return JSON.stringify(value);
}

export function fromJson<T>(schema: z.ZodType<T>, text: string, where: string): T {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Error(`Stored JSON in ${where} is not valid JSON`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success)
    throw new Error(`Stored JSON in ${where} does not match its schema: ${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data;
}

export const newId = (): string => globalThis.crypto.randomUUID();
