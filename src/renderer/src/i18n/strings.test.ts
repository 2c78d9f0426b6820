import { describe, expect, it } from 'vitest';
import { en } from './en';
import { featureStrings } from './features';
import { id } from './id';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => keys(inner, prefix ? `${prefix}.${key}` : key));
}

function leaves(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value !== 'object' || value === null) return [];
  return Object.values(value).flatMap(leaves);
}

describe('the translations', () => {
  const english = { ...en, ...featureStrings.en };
  const indonesian = { ...id, ...featureStrings.id };

  it('have the same keys in English and Bahasa Indonesia', () => {
    // Plural forms differ by language (Indonesian has only `_other`): compare the base keys.
    const base = (tree: unknown) => [...new Set(keys(tree).map((key) => key.replace(/_(zero|one|two|few|many|other)$/, '')))].sort();
    expect(base(indonesian)).toEqual(base(english));
  });

  it('have no empty strings', () => {
    expect(leaves(english).filter((text) => text.trim() === '')).toEqual([]);
    expect(leaves(indonesian).filter((text) => text.trim() === '')).toEqual([]);
  });

  it('keep the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();
    const englishKeys = keys(english);
    const get = (tree: unknown, path: string) => path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], tree);
    const mismatched = englishKeys.filter((key) => {
      const a = get(english, key);
      const b = get(indonesian, key);
      return typeof a === 'string' && typeof b === 'string' && placeholders(a).join() !== placeholders(b).join();
    });
    expect(mismatched).toEqual([]);
  });
});
